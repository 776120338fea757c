package dev.mynasim.registry.apiuser;

import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** API 利用者: a business or municipality that registers Web services. */
@Entity
@Table(name = "api_user")
public class ApiUser {

    static final int MAX_NAME = 200;

    @Id
    private String id;
    private String name;
    @Column(name = "corporate_number")
    private String corporateNumber;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private int version;

    protected ApiUser() {
    }

    public ApiUser(ApiUserId id, String name, CorporateNumber corporateNumber, Instant now) {
        this.id = id.value();
        this.createdAt = now;
        change(name, corporateNumber, now);
    }

    public void change(String name, CorporateNumber corporateNumber, Instant now) {
        RuleViolation.required("name", name);
        if (name.length() > MAX_NAME) {
            throw RuleViolation.invalid("name", "name-length", "name must be at most " + MAX_NAME + " characters",
                    "name は " + MAX_NAME + " 文字以内で指定してください");
        }
        this.name = name.strip();
        this.corporateNumber = corporateNumber.value();
        this.updatedAt = now;
    }

    public ApiUserId id() {
        return new ApiUserId(id);
    }

    public String name() {
        return name;
    }

    public CorporateNumber corporateNumber() {
        return new CorporateNumber(corporateNumber);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
