package dev.mynasim.web.console;

import dev.mynasim.auth.api.CardAdmin;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Test persons and their cards ({@code cards.xhtml}): the cards the caller may see, and the form that issues a card
 * to a new person, checked as {@code POST /admin/api/cards} checks it.
 */
@Named
@ViewScoped
public class CardsView extends ConsoleView {

    @Inject
    CardAdmin cards;

    private transient List<CardAdmin.CardView> list;

    private String name;
    private String nameKana;
    private String birthdate;
    private String gender = "female";
    private String address;
    private String pin;
    private String serial;
    private boolean portalRegistered = true;
    private String notBefore;
    private String notAfter;
    private String apiUserId;

    public List<CardAdmin.CardView> getList() {
        if (list == null) {
            list = cards.cards(caller());
        }
        return list;
    }

    public String issue() {
        CardAdmin.CardForm form = new CardAdmin.CardForm(serial, pin, name, nameKana, birthdate, gender, address,
                portalRegistered, notBefore, notAfter, user.isOperator() ? apiUserId : null);
        String[] issued = new String[1];
        pin = null;
        if (!attempt("card-new", () -> issued[0] = cards.issue(caller(), form).serial())) {
            return null;
        }
        return redirect("/console/card.xhtml", "serial", issued[0], "done", "issued");
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNameKana() {
        return nameKana;
    }

    public void setNameKana(String nameKana) {
        this.nameKana = nameKana;
    }

    public String getBirthdate() {
        return birthdate;
    }

    public void setBirthdate(String birthdate) {
        this.birthdate = birthdate;
    }

    public String getGender() {
        return gender;
    }

    public void setGender(String gender) {
        this.gender = gender;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPin() {
        return pin;
    }

    public void setPin(String pin) {
        this.pin = pin;
    }

    public String getSerial() {
        return serial;
    }

    public void setSerial(String serial) {
        this.serial = serial;
    }

    public boolean isPortalRegistered() {
        return portalRegistered;
    }

    public void setPortalRegistered(boolean portalRegistered) {
        this.portalRegistered = portalRegistered;
    }

    public String getNotBefore() {
        return notBefore;
    }

    public void setNotBefore(String notBefore) {
        this.notBefore = notBefore;
    }

    public String getNotAfter() {
        return notAfter;
    }

    public void setNotAfter(String notAfter) {
        this.notAfter = notAfter;
    }

    public String getApiUserId() {
        return apiUserId;
    }

    public void setApiUserId(String apiUserId) {
        this.apiUserId = apiUserId;
    }
}
