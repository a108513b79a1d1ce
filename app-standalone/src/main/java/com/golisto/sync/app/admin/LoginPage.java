package com.golisto.sync.app.admin;

import com.golisto.sync.app.http.Exchange;
import com.golisto.sync.app.http.Html;
import com.golisto.sync.app.http.LogValue;
import com.golisto.sync.app.http.Route;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in to the dashboard: {@code GET /login} shows a form asking for the admin token, {@code POST /login}
 * checks it and sets the session cookie ({@code HttpOnly; SameSite=Strict}; {@code Secure} when the runner is
 * reached over HTTPS) before sending the browser to {@code /}; {@code POST /logout} (with the page's CSRF token)
 * ends the session in this browser.
 */
public final class LoginPage {
    private static final Logger LOG = LoggerFactory.getLogger(LoginPage.class);

    private final AdminAuth auth;
    private final boolean secureCookies;

    /**
     * @param auth checks the token and issues sessions
     * @param secureCookies whether the cookie gets {@code Secure} (browsers reach the runner over HTTPS)
     */
    public LoginPage(AdminAuth auth, boolean secureCookies) {
        this.auth = Objects.requireNonNull(auth, "auth");
        this.secureCookies = secureCookies;
    }

    /** The routes. */
    public List<Route> routes() {
        return List.of(
                Route.get("/login", this::form),
                Route.post("/login", this::signIn),
                Route.post("/logout", this::signOut));
    }

    private void form(Exchange ex) {
        if (auth.session(ex).isPresent()) {
            ex.redirect("/");
            return;
        }
        ex.html(200, page(""));
    }

    private void signIn(Exchange ex) {
        Map<String, String> form = ex.form();
        if (!auth.tokenMatches(form.get("token"))) {
            LOG.warn("event=admin_login result=refused remote={}", LogValue.of(ex.remoteAddress()));
            ex.html(401, page("<p class=\"bad\">That is not the admin token.</p>"));
            return;
        }
        LOG.info("event=admin_login result=ok remote={}", LogValue.of(ex.remoteAddress()));
        ex.responseHeader("Set-Cookie", cookie(auth.newSession(), auth.sessionLifetime().toSeconds()));
        ex.redirect("/");
    }

    private void signOut(Exchange ex) {
        auth.requireAction(ex, ex.form());
        ex.responseHeader("Set-Cookie", cookie("", 0));
        ex.redirect("/login");
    }

    private String cookie(String value, long maxAgeSeconds) {
        return AdminAuth.SESSION_COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + (secureCookies ? "; Secure" : "");
    }

    private static String page(String notice) {
        return Html.page("Sign in · Golisto Sync", "<h1>Golisto Sync</h1>" + notice
                + "<form method=\"post\" action=\"/login\"><p><label>Admin token <input type=\"password\" name=\"token\""
                + " autocomplete=\"current-password\" required autofocus></label> <button>Sign in</button></p></form>"
                + "<p class=\"muted\">The token is in the runner's data folder (<code>admin.token</code>) or its"
                + " configuration (<code>server.admin-token</code>).</p>");
    }
}
