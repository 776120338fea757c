package dev.mynasim.web.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the demo services remember of one browser: the journey panel's counts (card reads and consents so far), the
 * authorizations under way ({@code state} → service id) and, per service, its link and the data it fetched.
 * Mutable JavaBean so JSON-B can store it in the data grid as JSON.
 */
public class DemoJourney {

    private int cardReads;
    private int consents;
    private Map<String, String> pending = new LinkedHashMap<>();
    private Map<String, DemoLink> links = new LinkedHashMap<>();

    public int getCardReads() {
        return cardReads;
    }

    public void setCardReads(int cardReads) {
        this.cardReads = cardReads;
    }

    public int getConsents() {
        return consents;
    }

    public void setConsents(int consents) {
        this.consents = consents;
    }

    public Map<String, String> getPending() {
        return pending;
    }

    public void setPending(Map<String, String> pending) {
        this.pending = pending;
    }

    public Map<String, DemoLink> getLinks() {
        return links;
    }

    public void setLinks(Map<String, DemoLink> links) {
        this.links = links;
    }

    /** One more authorization that ended with a token: a consent, and a card read unless it was skipped. */
    void counted(boolean cardSkipped) {
        consents++;
        if (!cardSkipped) {
            cardReads++;
        }
    }
}
