package dev.mosaic.identity;

import java.util.Set;

/**
 * Sites where many companies have a page: {@code linkedin.com/company/acme} and
 * {@code linkedin.com/company/globex} share a domain but not an owner, so such a website says nothing
 * about which company it is.
 */
final class SharedPlatformDomains {

    private static final Set<String> DOMAINS = Set.of(
            "linkedin.com", "facebook.com", "fb.com", "twitter.com", "x.com", "instagram.com", "youtube.com",
            "tiktok.com", "github.com", "gitlab.com", "bitbucket.org", "medium.com", "substack.com", "google.com",
            "wordpress.com", "wix.com", "wixsite.com", "squarespace.com", "weebly.com", "shopify.com", "myshopify.com",
            "crunchbase.com", "angel.co", "wellfound.com", "about.me", "linktr.ee", "yelp.com", "tripadvisor.com",
            "amazon.com", "apple.com", "notion.site", "carrd.co", "godaddysites.com", "hubspot.com", "sites.google.com",
            "blogspot.com", "tumblr.com", "pinterest.com", "xing.com", "glassdoor.com", "indeed.com");

    private SharedPlatformDomains() {
    }

    static boolean contains(String registrableDomain) {
        return DOMAINS.contains(registrableDomain);
    }
}
