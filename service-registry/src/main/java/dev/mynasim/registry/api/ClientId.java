package dev.mynasim.registry.api;

/** OAuth client_id of a Web service: API user id, {@code _}, service id ({@code SP00000001_AA0001}). */
public record ClientId(ApiUserId apiUser, ServiceId service) {

    public ClientId {
        if (apiUser == null || service == null) {
            throw RuleViolation.invalid("clientId", "client-id-format", "client_id is incomplete",
                    "client_id が不完全です");
        }
    }

    public static ClientId parse(String value) {
        int separator = value == null ? -1 : value.indexOf('_');
        if (separator < 0 || value.length() != 17) {
            throw RuleViolation.invalid("clientId", "client-id-format",
                    "client_id must look like SP00000001_AA0001, got: " + value,
                    "client_id は SP00000001_AA0001 の形式で指定してください。入力値: " + value);
        }
        try {
            return new ClientId(new ApiUserId(value.substring(0, separator)),
                    new ServiceId(value.substring(separator + 1)));
        } catch (RuleViolation e) {
            throw RuleViolation.invalid("clientId", "client-id-format",
                    "client_id must look like SP00000001_AA0001, got: " + value,
                    "client_id は SP00000001_AA0001 の形式で指定してください。入力値: " + value);
        }
    }

    @Override
    public String toString() {
        return apiUser.value() + "_" + service.value();
    }
}
