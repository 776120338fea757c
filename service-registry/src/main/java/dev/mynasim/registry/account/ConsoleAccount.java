package dev.mynasim.registry.account;

import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/** A login to the consoles and the admin API: the operator, or an account bound to one API user. */
@Entity
@Table(name = "console_account")
public class ConsoleAccount {

    /** The Jakarta Security roles. */
    public static final String OPERATOR = "operator";
    public static final String API_USER = "api-user";

    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 128;

    @Id
    private String username;
    @Column(name = "password_hash")
    private String passwordHash;
    private String role;
    @Column(name = "api_user_id")
    private String apiUserId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private int version;

    protected ConsoleAccount() {
    }

    ConsoleAccount(String username, String passwordHash, ApiUserId apiUser, Instant now) {
        this.username = checkUsername(username);
        this.passwordHash = passwordHash;
        this.role = apiUser == null ? OPERATOR : API_USER;
        this.apiUserId = apiUser == null ? null : apiUser.value();
        this.createdAt = now;
    }

    static String checkUsername(String username) {
        RuleViolation.required("username", username);
        if (!username.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
            throw RuleViolation.invalid("username", "username-format",
                    "username must be 3 to 64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit",
                    "username は英小文字・数字・「.」「_」「-」の 3～64 文字で、英小文字か数字で始めてください");
        }
        return username;
    }

    static String checkPassword(String password) {
        RuleViolation.required("password", password);
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw RuleViolation.invalid("password", "password-length",
                    "password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters",
                    "password は " + MIN_PASSWORD + "～" + MAX_PASSWORD + " 文字で指定してください");
        }
        return password;
    }

    void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    public String role() {
        return role;
    }

    public Optional<ApiUserId> apiUser() {
        return Optional.ofNullable(apiUserId).map(ApiUserId::new);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Caller caller() {
        return OPERATOR.equals(role) ? Caller.operator(username) : Caller.apiUser(username, apiUser().orElseThrow());
    }
}
