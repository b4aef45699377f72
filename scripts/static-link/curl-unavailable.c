/*
 * The libcurl functions Foundation's URLSession (FoundationNetworking) calls, each stopping the
 * program with a message: linked in place of libcurl by `make release` (see the Makefile).
 *
 * Why: with --static-swift-stdlib, Foundation is linked into reportgen, and FoundationNetworking
 * with it because a dependency (FlyingFox's ProxyHTTPHandler, which reportgen never uses) names
 * URLSession. FoundationNetworking needs libcurl, which would make the binary need libcurl.so.4
 * and some thirty libraries behind it on every machine. reportgen reads and writes local files
 * only and never opens a URL session, so these functions are never called; if one ever were, the
 * program stops saying so instead of misbehaving.
 */
#include <stdio.h>
#include <stdlib.h>

static void network_unavailable(const char *function) __attribute__((noreturn));

static void network_unavailable(const char *function) {
    fprintf(stderr, "reportgen: internal error: %s called, but this build has no network support\n", function);
    abort();
}

void curl_easy_cleanup(void) { network_unavailable("curl_easy_cleanup"); }
void curl_easy_getinfo(void) { network_unavailable("curl_easy_getinfo"); }
void curl_easy_init(void) { network_unavailable("curl_easy_init"); }
void curl_easy_pause(void) { network_unavailable("curl_easy_pause"); }
void curl_easy_setopt(void) { network_unavailable("curl_easy_setopt"); }
void curl_easy_strerror(void) { network_unavailable("curl_easy_strerror"); }
void curl_free(void) { network_unavailable("curl_free"); }
void curl_global_init(void) { network_unavailable("curl_global_init"); }
void curl_multi_add_handle(void) { network_unavailable("curl_multi_add_handle"); }
void curl_multi_assign(void) { network_unavailable("curl_multi_assign"); }
void curl_multi_cleanup(void) { network_unavailable("curl_multi_cleanup"); }
void curl_multi_info_read(void) { network_unavailable("curl_multi_info_read"); }
void curl_multi_init(void) { network_unavailable("curl_multi_init"); }
void curl_multi_remove_handle(void) { network_unavailable("curl_multi_remove_handle"); }
void curl_multi_setopt(void) { network_unavailable("curl_multi_setopt"); }
void curl_multi_socket_action(void) { network_unavailable("curl_multi_socket_action"); }
void curl_slist_append(void) { network_unavailable("curl_slist_append"); }
void curl_slist_free_all(void) { network_unavailable("curl_slist_free_all"); }
void curl_url(void) { network_unavailable("curl_url"); }
void curl_url_get(void) { network_unavailable("curl_url_get"); }
void curl_url_set(void) { network_unavailable("curl_url_set"); }
void curl_version(void) { network_unavailable("curl_version"); }
void curl_version_info(void) { network_unavailable("curl_version_info"); }
