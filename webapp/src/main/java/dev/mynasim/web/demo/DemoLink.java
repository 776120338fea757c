package dev.mynasim.web.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One demo service's link in one browser: its access token, whether the card step was skipped, the data fetched per
 * API (the data JSON of the result, as the service received it), and the message of the last failure.
 */
public class DemoLink {

    private String accessToken;
    private boolean cardSkipped;
    private String linkedAt;
    private Map<String, String> data = new LinkedHashMap<>();
    private String failure;

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public boolean isCardSkipped() {
        return cardSkipped;
    }

    public void setCardSkipped(boolean cardSkipped) {
        this.cardSkipped = cardSkipped;
    }

    public String getLinkedAt() {
        return linkedAt;
    }

    public void setLinkedAt(String linkedAt) {
        this.linkedAt = linkedAt;
    }

    public Map<String, String> getData() {
        return data;
    }

    public void setData(Map<String, String> data) {
        this.data = data;
    }

    public String getFailure() {
        return failure;
    }

    public void setFailure(String failure) {
        this.failure = failure;
    }
}
