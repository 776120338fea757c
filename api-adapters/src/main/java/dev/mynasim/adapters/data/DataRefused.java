package dev.mynasim.adapters.data;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data cannot be given, with the exchange's {@code errorCode}, the HTTP status of both doors, and the reason in
 * English and Japanese. README lists every code (all simulator-defined).
 */
public class DataRefused extends RuntimeException {

    private final String errorCode;
    private final int status;
    private final String messageJa;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public DataRefused(String errorCode, int status, String message, String messageJa) {
        super(message);
        this.errorCode = errorCode;
        this.status = status;
        this.messageJa = messageJa;
    }

    /** Adds an HTTP header the answer carries ({@code WWW-Authenticate}, {@code Retry-After}). */
    public DataRefused with(String header, String value) {
        headers.put(header, value);
        return this;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** 利用者登録 missing: the medical-insurance API serves only persons registered with the portal. */
    public static DataRefused notRegistered() {
        return new DataRefused("EPS0001", 403, "The person is not registered with the portal (利用者登録)",
                "利用者がマイナポータルに登録されていません (利用者登録が必要です)");
    }

    /** 属性連携 missing: notices and private deliveries need the person linked to the service first. */
    public static DataRefused notLinked() {
        return new DataRefused("EPS0002", 403,
                "The person's portal account is not linked to this service (属性連携 is required first)",
                "このサービスとの属性連携が設定されていません (先に属性連携設定 API で連携してください)");
    }

    public static DataRefused badRequestInfo(String block, String message, String messageJa) {
        return new DataRefused("ETL0005", 400, block + ": " + message, block + ": " + messageJa);
    }

    public String errorCode() {
        return errorCode;
    }

    public int status() {
        return status;
    }

    public String messageJa() {
        return messageJa;
    }
}
