package dev.mynasim.web.console;

import jakarta.faces.FacesException;
import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;

/**
 * A console page opened without its protected-view token answers 403 with the console's error page, which says to
 * open it from the console's links, instead of the generic 500 page (the container would match the wrapping
 * ServletException to the {@code Throwable} error page before looking at its cause).
 */
public class ProtectedViewRefusal extends ExceptionHandlerFactory {

    /** Tells the error page why the request was refused. */
    static final String REFUSED = "mynasim.console.protected-view";

    public ProtectedViewRefusal(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Throwable thrown = events.next().getContext().getException();
                while (thrown instanceof FacesException && !(thrown instanceof ProtectedViewException) && thrown.getCause() != null) {
                    thrown = thrown.getCause();
                }
                if (thrown instanceof ProtectedViewException) {
                    events.remove();
                    refuse();
                }
            }
            getWrapped().handle();
        }

        private static void refuse() {
            FacesContext faces = FacesContext.getCurrentInstance();
            try {
                faces.getExternalContext().getRequestMap().put(REFUSED, Boolean.TRUE);
                faces.getExternalContext().responseSendError(403, "open this page from the console's links");
                faces.responseComplete();
            } catch (IOException e) {
                throw new FacesException(e);
            }
        }
    }
}
