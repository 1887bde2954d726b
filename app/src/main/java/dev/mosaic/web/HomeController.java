package dev.mosaic.web;

import dev.mosaic.tenant.TenantPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in start page and the login form. */
@Controller
class HomeController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal TenantPrincipal principal, Model model) {
        model.addAttribute("principal", principal);
        return "home";
    }
}
