package dev.mynasim.web.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * JAX-RS's own refusals (unknown path, wrong method, wrong media type, unreadable parameter or body) as problem
 * details instead of the container's HTML page.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Map<Integer, String[]> TEXTS = Map.of(
            400, new String[] {"The request could not be read", "リクエストを読み取れません"},
            401, new String[] {"Authentication is required", "認証が必要です"},
            403, new String[] {"Not allowed", "この操作は許可されていません"},
            404, new String[] {"No such resource", "該当するリソースがありません"},
            405, new String[] {"This method is not allowed here", "このメソッドは使用できません"},
            406, new String[] {"No acceptable representation", "受け入れ可能な形式で応答できません"},
            415, new String[] {"Unsupported media type for this endpoint (see the OpenAPI document)",
                    "このエンドポイントでは使用できないメディアタイプです (OpenAPI ドキュメントを参照してください)"});

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.HttpHeaders headers;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        if (status < 400) {
            return original;
        }
        if (exception instanceof jakarta.ws.rs.NotFoundException && NotFoundPage.wanted(headers)) {
            // a browser (it asks for text/html by name) gets a page it can read; API clients keep RFC 9457 JSON
            return NotFoundPage.response(headers, uri);
        }
        String[] text = TEXTS.getOrDefault(status, new String[] {"Request failed", "リクエストを処理できません"});
        Response problem = new Problem(status, "http-" + status, null, text[0], text[1]).response();
        return Response.fromResponse(problem).replaceAll(original.getHeaders()).type(Problem.MEDIA_TYPE).build();
    }
}
