package dev.mynasim.web.console;

import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.ConsoleLogin;
import dev.mynasim.web.security.ConsoleSessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/** The consoles' login page ({@code login.xhtml}) and the sign-out every page offers. */
@Named
@RequestScoped
public class LoginView {

    @Inject
    ConsoleLogin accounts;

    @Inject
    ConsoleSessions sessions;

    @Inject
    ConsoleUser user;

    private String username;
    private String password;
    private boolean failed;

    /** A signed-in account has nothing to do here: on to the dashboard. */
    public String signedInAlready() {
        return user.isSignedIn() ? "/console/dashboard.xhtml?faces-redirect=true" : null;
    }

    public String login() {
        Optional<Caller> caller = accounts.authenticate(username, password);
        password = null;
        if (caller.isEmpty()) {
            failed = true;
            return null;
        }
        sessions.signIn(request(), response(), caller.get());
        return "/console/dashboard.xhtml?faces-redirect=true";
    }

    public String logout() {
        sessions.signOut(request(), response());
        return "/console/login.xhtml?faces-redirect=true&out=true";
    }

    private static HttpServletResponse response() {
        return (HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext().getResponse();
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public boolean isFailed() {
        return failed;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
