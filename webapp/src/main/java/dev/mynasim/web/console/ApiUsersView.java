package dev.mynasim.web.console;

import dev.mynasim.registry.api.AccountAdmin;
import dev.mynasim.registry.api.ApiUserAdmin;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Set;

/**
 * API users and console accounts ({@code api-users.xhtml}, the operator's): registering an API user as
 * {@code POST /admin/api/api-users} does, creating an account bound to one (or an operator), removing an account.
 */
@Named
@ViewScoped
public class ApiUsersView extends ConsoleView {

    @Inject
    ApiUserAdmin apiUsers;

    @Inject
    AccountAdmin accounts;

    private String done;
    private transient List<ApiUserAdmin.ApiUserView> users;
    private transient List<AccountAdmin.AccountView> accountList;

    private String apiUserId;
    private String name;
    private String corporateNumber;
    private String username;
    private String password;
    private String accountApiUserId;

    public List<ApiUserAdmin.ApiUserView> getUsers() {
        if (users == null) {
            users = apiUsers.apiUsers(caller());
        }
        return users;
    }

    public List<AccountAdmin.AccountView> getAccounts() {
        if (accountList == null) {
            accountList = accounts.accounts(caller());
        }
        return accountList;
    }

    public String register() {
        if (!attempt("api-user-new", () -> apiUsers.register(caller(), apiUserId, name, corporateNumber))) {
            return null;
        }
        return redirect("/console/api-users.xhtml", "done", "registered");
    }

    public String createAccount() {
        String secret = password;
        password = null;
        if (!attempt("account-new", () -> accounts.createAccount(caller(), username, secret, accountApiUserId))) {
            return null;
        }
        return redirect("/console/api-users.xhtml", "done", "account-created");
    }

    public String removeAccount() {
        String account = rowValue("accounts:remove");
        if (!attempt("accounts", () -> accounts.remove(caller(), account))) {
            return null;
        }
        return redirect("/console/api-users.xhtml", "done", "account-removed");
    }

    public String getNotice() {
        return done != null && Set.of("registered", "account-created", "account-removed").contains(done)
                ? "apiUsers.done." + done : null;
    }

    public String getDone() {
        return done;
    }

    public void setDone(String done) {
        this.done = done;
    }

    public String getApiUserId() {
        return apiUserId;
    }

    public void setApiUserId(String apiUserId) {
        this.apiUserId = apiUserId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCorporateNumber() {
        return corporateNumber;
    }

    public void setCorporateNumber(String corporateNumber) {
        this.corporateNumber = corporateNumber;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getAccountApiUserId() {
        return accountApiUserId;
    }

    public void setAccountApiUserId(String accountApiUserId) {
        this.accountApiUserId = accountApiUserId;
    }
}
