package dev.mynasim.adapters.api;

import dev.mynasim.auth.api.PersonId;
import dev.mynasim.registry.api.Caller;
import java.util.List;

/**
 * A test person's simulated data as the consoles show and replace it: the operator reaches every person, an API user
 * the persons of the cards it owns (another's answers not-found), with the checks and messages of
 * {@code /admin/api/persons/{personId}/records/…}.
 */
public interface RecordAdmin {

    /** The records a person holds for one resource of one API, with its simulator-defined layout's names. */
    record RecordSet(String api, String resource, String layoutCode, String nameJa, String nameEn, long count) {
    }

    /** Every resource the adapters serve, with how many records the person holds in it. */
    List<RecordSet> recordSets(Caller caller, PersonId person);

    /** The person's records of one resource, newest first, as a JSON array (pretty-printed). */
    String records(Caller caller, PersonId person, String api, String resource);

    /**
     * Replaces the person's records of one resource with a JSON array as typed, each record checked against its
     * layout; returns how many are stored.
     */
    long replace(Caller caller, PersonId person, String api, String resource, String json);
}
