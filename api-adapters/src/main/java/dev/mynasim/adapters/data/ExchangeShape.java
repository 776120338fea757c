package dev.mynasim.adapters.data;

/**
 * How one API's exchange looks on the wire: the request and result telegram types, the request block, the result
 * block and its data field, and the completion notice's type with the answer the service gives. Only the
 * self-information exchange is public; the others are simulator-defined in the same pattern (DESIGN.md 5A).
 */
public record ExchangeShape(String requestType, String resultType, String noticeType, String noticeAnswerType,
                            String requestInfo, String provisionInfo, String provisionData) {

    /** The pattern {@code <prefix>0301-R01} request, {@code 0302-R01} notice, {@code 0302-S01} answer, {@code 0303-R01} result. */
    public static ExchangeShape of(String prefix, String requestInfo, String provisionInfo, String provisionData) {
        return new ExchangeShape(prefix + "0301-R01", prefix + "0303-R01", prefix + "0302-R01", prefix + "0302-S01",
                requestInfo, provisionInfo, provisionData);
    }
}
