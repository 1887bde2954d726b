package dev.mosaic.salesforce.emulator.oauth;

/** The HTML a browser sees during the web-server flow: a login form, then an Allow/Deny approval page. */
final class AuthorizePages {
    private static final String STYLE = "body{font-family:Arial,sans-serif;background:#f3f2f2;margin:0}"
            + ".card{background:#fff;width:380px;margin:60px auto;padding:24px;border-radius:4px;"
            + "box-shadow:0 2px 6px rgba(0,0,0,.2)}h1{font-size:20px;color:#032d60}"
            + "label{display:block;margin-top:12px;font-size:13px}input[type=text],input[type=password]"
            + "{width:100%;padding:8px;margin-top:4px;box-sizing:border-box}"
            + "button{margin-top:16px;padding:8px 18px;border:0;border-radius:4px;background:#0176d3;color:#fff;cursor:pointer}"
            + "button.deny{background:#fff;color:#0176d3;border:1px solid #0176d3;margin-left:8px}"
            + ".error{color:#c23934;font-size:13px}";

    private AuthorizePages() {
    }

    static String login(String pendingId, String loginHint, String error) {
        return page("Login | Salesforce Emulator",
                "<h1>Log in to the Salesforce emulator</h1>"
                        + (error == null ? "" : "<p class=\"error\" id=\"error\">" + escape(error) + "</p>")
                        + "<form method=\"post\" action=\"/services/oauth2/authorize\">"
                        + hidden("pending", pendingId) + hidden("step", "login")
                        + "<label for=\"username\">Username</label>"
                        + "<input type=\"text\" id=\"username\" name=\"username\" value=\"" + escape(loginHint) + "\">"
                        + "<label for=\"password\">Password</label>"
                        + "<input type=\"password\" id=\"password\" name=\"pw\">"
                        + "<button type=\"submit\" id=\"Login\" name=\"Login\">Log In</button></form>");
    }

    static String approval(String pendingId, String username, String scope) {
        StringBuilder scopes = new StringBuilder("<ul>");
        for (String s : scope.split(" ")) {
            if (!s.isBlank()) {
                scopes.append("<li>").append(escape(s)).append("</li>");
            }
        }
        scopes.append("</ul>");
        return page("Allow Access? | Salesforce Emulator",
                "<h1>Allow Access?</h1><p>The app is asking to access your data as <b>" + escape(username)
                        + "</b> with these permissions:</p>" + scopes
                        + "<form method=\"post\" action=\"/services/oauth2/authorize\">"
                        + hidden("pending", pendingId) + hidden("step", "approve")
                        + "<button type=\"submit\" id=\"oaapprove\" name=\"decision\" value=\"Allow\">Allow</button>"
                        + "<button type=\"submit\" class=\"deny\" id=\"oadeny\" name=\"decision\" value=\"Deny\">Deny</button>"
                        + "</form>");
    }

    static String error(String error, String description) {
        return page("Error | Salesforce Emulator",
                "<h1>OAuth Error</h1><p class=\"error\">error=" + escape(error) + "</p><p>" + escape(description) + "</p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title><style>" + STYLE
                + "</style></head><body><div class=\"card\">" + body + "</div></body></html>";
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
