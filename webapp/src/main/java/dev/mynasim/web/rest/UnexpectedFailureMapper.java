package dev.mynasim.web.rest;

import dev.mynasim.registry.api.RuleViolation;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else. A rule violation wrapped by an interceptor is unwrapped; a concurrent change of the same record
 * (optimistic lock, unique key) is a 409; anything else a 500 with an incident id and no stack trace, which goes to
 * the server log under that id.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleViolation violation) {
                return new RuleViolationMapper().toResponse(violation);
            }
            if (cause instanceof OptimisticLockException
                    || (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23"))) {
                return new Problem(409, "concurrent-change", null,
                        "The record was changed or created at the same time by another request; read it again and retry",
                        "同じレコードが同時に別のリクエストで変更または作成されました。再度読み込んでからやり直してください")
                        .response();
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, exception);
        return new Problem(500, "internal-error", null,
                "The simulator failed unexpectedly; the server log has the details under incident " + incident,
                "シミュレーター内部でエラーが発生しました。サーバーログのインシデント " + incident + " を確認してください")
                .response();
    }
}
