package dev.mosaic.identity;

import java.util.Set;

/**
 * Mail providers where anyone can get an address: a shared domain there says nothing about a company.
 * The big consumer providers by market; a tenant-editable list can extend it later.
 */
final class FreeMailDomains {

    private static final Set<String> DOMAINS = Set.of(
            "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "ymail.com",
            "rocketmail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr", "live.com", "msn.com",
            "aol.com", "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com", "pm.me", "gmx.com", "gmx.de",
            "gmx.net", "web.de", "mail.com", "yandex.com", "yandex.ru", "mail.ru", "zoho.com", "qq.com", "163.com",
            "126.com", "sina.com", "naver.com", "hanmail.net", "orange.fr", "free.fr", "laposte.net", "libero.it",
            "btinternet.com", "comcast.net", "verizon.net", "att.net", "sbcglobal.net", "fastmail.com", "hey.com",
            "tutanota.com", "t-online.de", "seznam.cz", "wp.pl", "o2.pl", "rediffmail.com", "bol.com.br",
            "uol.com.br", "terra.com.br", "mailinator.com", "guerrillamail.com", "10minutemail.com");

    private FreeMailDomains() {
    }

    static boolean contains(String registrableDomain) {
        return DOMAINS.contains(registrableDomain);
    }
}
