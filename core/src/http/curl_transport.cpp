#include "http/http_internal.h"
#include "util/text.h"

#include <algorithm>
#include <cstddef>
#include <curl/curl.h>
#include <memory>
#include <mutex>
#include <new>
#include <vector>

#include <modelgate/core/http/http.h>

namespace modelgate {

namespace {

// How often a transfer waiting on the network looks at its cancel token.
constexpr int kPollSliceMs = 50;
// Idle handles kept for reuse (each holds its open connections); more are closed when returned.
constexpr std::size_t kMaxIdleSessions = 16;

const char *curlCodeName(CURLcode code)
{
#define MODELGATE_CURL_CODE(name)                                                                            \
    case name:                                                                                               \
        return #name;
    switch (code) {
        MODELGATE_CURL_CODE(CURLE_OK)
        MODELGATE_CURL_CODE(CURLE_UNSUPPORTED_PROTOCOL)
        MODELGATE_CURL_CODE(CURLE_FAILED_INIT)
        MODELGATE_CURL_CODE(CURLE_URL_MALFORMAT)
        MODELGATE_CURL_CODE(CURLE_NOT_BUILT_IN)
        MODELGATE_CURL_CODE(CURLE_COULDNT_RESOLVE_PROXY)
        MODELGATE_CURL_CODE(CURLE_COULDNT_RESOLVE_HOST)
        MODELGATE_CURL_CODE(CURLE_COULDNT_CONNECT)
        MODELGATE_CURL_CODE(CURLE_WEIRD_SERVER_REPLY)
        MODELGATE_CURL_CODE(CURLE_REMOTE_ACCESS_DENIED)
        MODELGATE_CURL_CODE(CURLE_FTP_ACCEPT_FAILED)
        MODELGATE_CURL_CODE(CURLE_FTP_WEIRD_PASS_REPLY)
        MODELGATE_CURL_CODE(CURLE_FTP_ACCEPT_TIMEOUT)
        MODELGATE_CURL_CODE(CURLE_FTP_WEIRD_PASV_REPLY)
        MODELGATE_CURL_CODE(CURLE_FTP_WEIRD_227_FORMAT)
        MODELGATE_CURL_CODE(CURLE_FTP_CANT_GET_HOST)
        MODELGATE_CURL_CODE(CURLE_HTTP2)
        MODELGATE_CURL_CODE(CURLE_FTP_COULDNT_SET_TYPE)
        MODELGATE_CURL_CODE(CURLE_PARTIAL_FILE)
        MODELGATE_CURL_CODE(CURLE_FTP_COULDNT_RETR_FILE)
        MODELGATE_CURL_CODE(CURLE_QUOTE_ERROR)
        MODELGATE_CURL_CODE(CURLE_HTTP_RETURNED_ERROR)
        MODELGATE_CURL_CODE(CURLE_WRITE_ERROR)
        MODELGATE_CURL_CODE(CURLE_UPLOAD_FAILED)
        MODELGATE_CURL_CODE(CURLE_READ_ERROR)
        MODELGATE_CURL_CODE(CURLE_OUT_OF_MEMORY)
        MODELGATE_CURL_CODE(CURLE_OPERATION_TIMEDOUT)
        MODELGATE_CURL_CODE(CURLE_FTP_PORT_FAILED)
        MODELGATE_CURL_CODE(CURLE_FTP_COULDNT_USE_REST)
        MODELGATE_CURL_CODE(CURLE_RANGE_ERROR)
        MODELGATE_CURL_CODE(CURLE_HTTP_POST_ERROR)
        MODELGATE_CURL_CODE(CURLE_SSL_CONNECT_ERROR)
        MODELGATE_CURL_CODE(CURLE_BAD_DOWNLOAD_RESUME)
        MODELGATE_CURL_CODE(CURLE_FILE_COULDNT_READ_FILE)
        MODELGATE_CURL_CODE(CURLE_LDAP_CANNOT_BIND)
        MODELGATE_CURL_CODE(CURLE_LDAP_SEARCH_FAILED)
        MODELGATE_CURL_CODE(CURLE_FUNCTION_NOT_FOUND)
        MODELGATE_CURL_CODE(CURLE_ABORTED_BY_CALLBACK)
        MODELGATE_CURL_CODE(CURLE_BAD_FUNCTION_ARGUMENT)
        MODELGATE_CURL_CODE(CURLE_INTERFACE_FAILED)
        MODELGATE_CURL_CODE(CURLE_TOO_MANY_REDIRECTS)
        MODELGATE_CURL_CODE(CURLE_UNKNOWN_OPTION)
        MODELGATE_CURL_CODE(CURLE_SETOPT_OPTION_SYNTAX)
        MODELGATE_CURL_CODE(CURLE_GOT_NOTHING)
        MODELGATE_CURL_CODE(CURLE_SSL_ENGINE_NOTFOUND)
        MODELGATE_CURL_CODE(CURLE_SSL_ENGINE_SETFAILED)
        MODELGATE_CURL_CODE(CURLE_SEND_ERROR)
        MODELGATE_CURL_CODE(CURLE_RECV_ERROR)
        MODELGATE_CURL_CODE(CURLE_SSL_CERTPROBLEM)
        MODELGATE_CURL_CODE(CURLE_SSL_CIPHER)
        MODELGATE_CURL_CODE(CURLE_PEER_FAILED_VERIFICATION)
        MODELGATE_CURL_CODE(CURLE_BAD_CONTENT_ENCODING)
        MODELGATE_CURL_CODE(CURLE_FILESIZE_EXCEEDED)
        MODELGATE_CURL_CODE(CURLE_USE_SSL_FAILED)
        MODELGATE_CURL_CODE(CURLE_SEND_FAIL_REWIND)
        MODELGATE_CURL_CODE(CURLE_SSL_ENGINE_INITFAILED)
        MODELGATE_CURL_CODE(CURLE_LOGIN_DENIED)
        MODELGATE_CURL_CODE(CURLE_TFTP_NOTFOUND)
        MODELGATE_CURL_CODE(CURLE_TFTP_PERM)
        MODELGATE_CURL_CODE(CURLE_REMOTE_DISK_FULL)
        MODELGATE_CURL_CODE(CURLE_TFTP_ILLEGAL)
        MODELGATE_CURL_CODE(CURLE_TFTP_UNKNOWNID)
        MODELGATE_CURL_CODE(CURLE_REMOTE_FILE_EXISTS)
        MODELGATE_CURL_CODE(CURLE_TFTP_NOSUCHUSER)
        MODELGATE_CURL_CODE(CURLE_SSL_CACERT_BADFILE)
        MODELGATE_CURL_CODE(CURLE_REMOTE_FILE_NOT_FOUND)
        MODELGATE_CURL_CODE(CURLE_SSH)
        MODELGATE_CURL_CODE(CURLE_SSL_SHUTDOWN_FAILED)
        MODELGATE_CURL_CODE(CURLE_AGAIN)
        MODELGATE_CURL_CODE(CURLE_SSL_CRL_BADFILE)
        MODELGATE_CURL_CODE(CURLE_SSL_ISSUER_ERROR)
        MODELGATE_CURL_CODE(CURLE_FTP_PRET_FAILED)
        MODELGATE_CURL_CODE(CURLE_RTSP_CSEQ_ERROR)
        MODELGATE_CURL_CODE(CURLE_RTSP_SESSION_ERROR)
        MODELGATE_CURL_CODE(CURLE_FTP_BAD_FILE_LIST)
        MODELGATE_CURL_CODE(CURLE_CHUNK_FAILED)
        MODELGATE_CURL_CODE(CURLE_NO_CONNECTION_AVAILABLE)
        MODELGATE_CURL_CODE(CURLE_SSL_PINNEDPUBKEYNOTMATCH)
        MODELGATE_CURL_CODE(CURLE_SSL_INVALIDCERTSTATUS)
        MODELGATE_CURL_CODE(CURLE_HTTP2_STREAM)
        MODELGATE_CURL_CODE(CURLE_RECURSIVE_API_CALL)
        MODELGATE_CURL_CODE(CURLE_AUTH_ERROR)
        MODELGATE_CURL_CODE(CURLE_HTTP3)
        MODELGATE_CURL_CODE(CURLE_QUIC_CONNECT_ERROR)
        MODELGATE_CURL_CODE(CURLE_PROXY)
        MODELGATE_CURL_CODE(CURLE_SSL_CLIENTCERT)
        MODELGATE_CURL_CODE(CURLE_UNRECOVERABLE_POLL)
    default:
        break;
    }
#undef MODELGATE_CURL_CODE
    return nullptr;
}

std::string curlErrorName(CURLcode code)
{
    if (const char *name = curlCodeName(code))
        return name;
    return "CURLE_" + std::to_string(int(code));
}

void initCurlOnce()
{
    // curl_global_init is not safe to race with itself; curl_global_cleanup is deliberately
    // never called because other static objects may still use curl during exit.
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlEasyDeleter
{
    void operator()(CURL *handle) const { curl_easy_cleanup(handle); }
};
struct CurlMultiDeleter
{
    void operator()(CURLM *handle) const { curl_multi_cleanup(handle); }
};
struct CurlSlistDeleter
{
    void operator()(curl_slist *list) const { curl_slist_free_all(list); }
};
using CurlSlist = std::unique_ptr<curl_slist, CurlSlistDeleter>;

// One multi handle driving one easy handle. The multi handle owns the connection cache,
// so a session keeps its connections open between requests; a session is used by one
// thread at a time (the pool hands it out exclusively), which is all libcurl requires.
class CurlSession
{
public:
    CurlSession()
        : m_multi(curl_multi_init())
        , m_easy(curl_easy_init())
    {}
    CurlSession(const CurlSession &) = delete;
    CurlSession &operator=(const CurlSession &) = delete;
    ~CurlSession()
    {
        // The easy handle is never left attached to the multi handle (see perform()), so the
        // two can be cleaned up independently; destroy the easy handle first all the same.
        m_easy.reset();
        m_multi.reset();
    }

    bool isValid() const { return m_multi && m_easy; }
    CURL *easy() const { return m_easy.get(); }
    CURLM *multi() const { return m_multi.get(); }

private:
    std::unique_ptr<CURLM, CurlMultiDeleter> m_multi;
    std::unique_ptr<CURL, CurlEasyDeleter> m_easy;
};

// Sessions not currently in use. Any thread may take one; concurrent requests each get
// their own, so there is no sharing of curl handles between threads.
class SessionPool
{
public:
    std::unique_ptr<CurlSession> acquire()
    {
        {
            std::lock_guard lock(m_mutex);
            if (!m_idle.empty()) {
                auto session = std::move(m_idle.back());
                m_idle.pop_back();
                return session;
            }
        }
        return std::make_unique<CurlSession>();
    }

    void release(std::unique_ptr<CurlSession> session)
    {
        std::lock_guard lock(m_mutex);
        if (m_idle.size() < kMaxIdleSessions)
            m_idle.push_back(std::move(session));
    }

private:
    std::mutex m_mutex;
    std::vector<std::unique_ptr<CurlSession>> m_idle;
};

// Per-request state reached from the libcurl callbacks.
struct TransferState
{
    const CancelToken *cancel = nullptr;
    curl_off_t maxBytes = 0; // 0: no limit (TransportOptions::maxResponseBytes)
    HttpResponse response;
    bool tooLarge = false;
    bool cancelled = false;
};

std::size_t onBody(char *data, std::size_t size, std::size_t count, void *userData)
{
    auto *state = static_cast<TransferState *>(userData);
    const std::size_t length = size * count;
    // A body without Content-Length (chunked, or ended by a close) is only bounded here.
    if (state->maxBytes > 0 && curl_off_t(state->response.body.size() + length) > state->maxBytes) {
        state->tooLarge = true;
        return 0; // anything but `length` aborts the transfer with CURLE_WRITE_ERROR
    }
    try {
        state->response.body.append(data, length);
    } catch (const std::bad_alloc &) {
        state->tooLarge = true;
        return 0;
    }
    return length;
}

std::size_t onHeader(char *data, std::size_t size, std::size_t count, void *userData)
{
    auto *state = static_cast<TransferState *>(userData);
    const std::size_t length = size * count;
    const std::string line(data, length);
    auto &headers = state->response.headers;
    if (line.rfind("HTTP/", 0) == 0) {
        // A new status line: the headers of an interim response (100 Continue) are not
        // those of the final one.
        headers.clear();
    } else if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
        // Obsolete line folding: the line continues the previous header's value.
        if (!headers.empty())
            headers.back().second += ' ' + text::trimmed(line);
    } else if (const auto colon = line.find(':'); colon != std::string::npos && colon > 0) {
        headers.emplace_back(text::asciiLower(text::trimmed(line.substr(0, colon))),
                             text::trimmed(line.substr(colon + 1)));
    }
    return length;
}

int onProgress(void *userData, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    auto *state = static_cast<TransferState *>(userData);
    if (state->cancel->isCancelled()) {
        state->cancelled = true;
        return 1; // aborts with CURLE_ABORTED_BY_CALLBACK
    }
    return 0;
}

bool isSafeHeaderPart(const std::string &text)
{
    // CR/LF/NUL would let a value smuggle extra headers or a second request onto the wire.
    return text.find_first_of(std::string("\r\n\0", 3)) == std::string::npos;
}

// "64 MiB", or the bytes when the limit is not a whole number of MiB.
std::string describeLimit(curl_off_t bytes)
{
    constexpr curl_off_t kMiB = curl_off_t(1) << 20;
    if (bytes >= kMiB && bytes % kMiB == 0)
        return std::to_string(bytes / kMiB) + " MiB";
    return std::to_string(bytes) + " bytes";
}

Error transportError(std::string code, std::string message, const std::string &url)
{
    Error error;
    error.kind = ErrorKind::Transport;
    error.code = std::move(code);
    error.message = std::move(message);
    error.url = detail::urlWithoutCredentials(url);
    return error;
}

class CurlTransport final : public HttpTransport
{
public:
    explicit CurlTransport(TransportOptions options)
        : m_options(std::move(options))
    {
        initCurlOnce();
    }

    Result<HttpResponse> send(const HttpRequest &request, const CancelToken &cancel) override
    {
        try {
            return sendUnguarded(request, cancel);
        } catch (const std::exception &exception) {
            // Only allocation can throw here; never let it cross into the caller's thread.
            return transportError("CURLE_OUT_OF_MEMORY", exception.what(), request.url);
        }
    }

private:
    Result<HttpResponse> sendUnguarded(const HttpRequest &request, const CancelToken &cancel)
    {
        if (cancel.isCancelled())
            return cancel.stoppedError(request.url);

        CurlSlist headerList;
        bool callerSetExpect = false;
        for (const auto &[name, value] : request.headers) {
            if (name.empty() || !isSafeHeaderPart(name) || !isSafeHeaderPart(value) ||
                name.find(':') != std::string::npos) {
                Error error;
                error.kind = ErrorKind::Config;
                // Never the value: it may be a credential. The name only when it is printable.
                error.message = isSafeHeaderPart(name) ? "invalid HTTP header \"" + name.substr(0, 64) + "\""
                                                       : std::string("invalid HTTP header name");
                error.message += ": names must be non-empty without ':' and values without line breaks";
                error.url = detail::urlWithoutCredentials(request.url);
                return error;
            }
            if (text::asciiLower(name) == "expect")
                callerSetExpect = true;
            // "Name;" is curl's way to send a header with an empty value ("Name:" would remove it).
            const std::string line = value.empty() ? name + ";" : name + ": " + value;
            curl_slist *appended = curl_slist_append(headerList.get(), line.c_str());
            if (!appended)
                return transportError("CURLE_OUT_OF_MEMORY", "out of memory building the request",
                                      request.url);
            (void)headerList.release();
            headerList.reset(appended);
        }
        if (!callerSetExpect) {
            // Without this curl sends "Expect: 100-continue" for large bodies and waits up to a
            // second for an interim response that many servers and proxies never send.
            curl_slist *appended = curl_slist_append(headerList.get(), "Expect:");
            if (!appended)
                return transportError("CURLE_OUT_OF_MEMORY", "out of memory building the request",
                                      request.url);
            (void)headerList.release();
            headerList.reset(appended);
        }

        std::unique_ptr<CurlSession> session = m_pool.acquire();
        if (!session->isValid())
            return transportError("CURLE_FAILED_INIT", "could not create a libcurl handle", request.url);

        TransferState state;
        state.cancel = &cancel;
        state.maxBytes = curl_off_t(std::max<std::int64_t>(0, m_options.maxResponseBytes));
        char errorBuffer[CURL_ERROR_SIZE] = {};
        configure(session->easy(), request, headerList.get(), state, errorBuffer);

        const CURLcode code = perform(*session, state);

        long status = 0;
        curl_easy_getinfo(session->easy(), CURLINFO_RESPONSE_CODE, &status);
        // Nothing may point into this stack frame once the session goes back to the pool.
        curl_easy_reset(session->easy());
        m_pool.release(std::move(session));

        if (state.cancelled || code == CURLE_ABORTED_BY_CALLBACK)
            return state.cancel->stoppedError(request.url);
        if (state.tooLarge || code == CURLE_FILESIZE_EXCEEDED) {
            return transportError("CURLE_FILESIZE_EXCEEDED",
                                  state.maxBytes > 0
                                      ? "the response is larger than the " + describeLimit(state.maxBytes) +
                                            " limit on a response; it was not read"
                                      : std::string("the response did not fit in memory"),
                                  request.url);
        }
        if (code != CURLE_OK) {
            std::string message =
                errorBuffer[0] != '\0' ? std::string(errorBuffer) : curl_easy_strerror(code);
            while (!message.empty() && (message.back() == '\n' || message.back() == '\r'))
                message.pop_back();
            return transportError(curlErrorName(code), std::move(message), request.url);
        }
        state.response.status = int(status);
        return std::move(state.response);
    }

    void configure(CURL *easy, const HttpRequest &request, curl_slist *headers, TransferState &state,
                   char *errorBuffer) const
    {
        curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str());
        // Only HTTP(S), also after redirects: a server must not be able to point us at file:// etc.
        curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
        // Redirects are not followed: a 3xx comes back as a response for the caller to report.
        curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
        // Signals cannot be used for timeouts in a multi-threaded process.
        curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, errorBuffer);

        curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, long(m_options.connectTimeout.count()));
        // The caller's deadline (an operation's whole budget) bounds the request as well.
        auto totalTimeout = m_options.totalTimeout;
        if (const auto deadline = state.cancel->deadline()) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - CancelToken::Clock::now());
            totalTimeout = std::clamp(left, std::chrono::milliseconds(1), totalTimeout);
        }
        curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, long(totalTimeout.count()));
        if (m_options.stallTimeout.count() > 0) {
            // LOW_SPEED_TIME has whole-second resolution: round up so a stall is never cut short.
            const long stallSeconds = std::max(1L, long((m_options.stallTimeout.count() + 999) / 1000));
            curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
            curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, stallSeconds);
        }
        curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);

        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, m_options.verifyTls ? 1L : 0L);
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, m_options.verifyTls ? 2L : 0L);
        if (!m_options.caBundlePath.empty())
            curl_easy_setopt(easy, CURLOPT_CAINFO, m_options.caBundlePath.c_str());
        // Proxies: libcurl reads http_proxy/https_proxy/no_proxy itself; nothing is set here on purpose.

        curl_easy_setopt(easy, CURLOPT_USERAGENT, m_options.userAgent.c_str());
        curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, ""); // every encoding this libcurl can decode
        // With a Content-Length over the limit curl refuses before reading any of the body.
        if (state.maxBytes > 0)
            curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, state.maxBytes);
        curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);

        switch (request.method) {
        case HttpMethod::Get:
            curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
            break;
        case HttpMethod::Post:
            curl_easy_setopt(easy, CURLOPT_POST, 1L);
            break;
        case HttpMethod::Patch:
        case HttpMethod::Put:
        case HttpMethod::Delete:
            curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, wireName(request.method));
            break;
        }
        // A body goes with any method that has one (MLflow's DELETE endpoints take a JSON body);
        // POST and PUT always send one, if empty, so that Content-Length: 0 is explicit.
        if (!request.body.empty() || request.method == HttpMethod::Post ||
            request.method == HttpMethod::Put) {
            if (request.method == HttpMethod::Get)
                curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, "GET");
            curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.size()));
            curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.data());
        }

        curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &onBody);
        curl_easy_setopt(easy, CURLOPT_WRITEDATA, &state);
        curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &onHeader);
        curl_easy_setopt(easy, CURLOPT_HEADERDATA, &state);
        curl_easy_setopt(easy, CURLOPT_NOPROGRESS, 0L);
        curl_easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, &onProgress);
        curl_easy_setopt(easy, CURLOPT_XFERINFODATA, &state);
    }

    // Runs the transfer on the session's multi handle, waking every kPollSliceMs to look at
    // the cancel token, so a cancelled request stops promptly even when no byte arrives
    // (libcurl's own progress callback may be called only once a second on an idle transfer).
    static CURLcode perform(CurlSession &session, TransferState &state)
    {
        if (curl_multi_add_handle(session.multi(), session.easy()) != CURLM_OK)
            return CURLE_FAILED_INIT;
        CURLcode result = CURLE_OK;
        bool done = false;
        while (!done) {
            int running = 0;
            if (curl_multi_perform(session.multi(), &running) != CURLM_OK) {
                result = CURLE_FAILED_INIT;
                break;
            }
            int queued = 0;
            while (CURLMsg *message = curl_multi_info_read(session.multi(), &queued)) {
                if (message->msg == CURLMSG_DONE) {
                    result = message->data.result;
                    done = true;
                }
            }
            if (done)
                break;
            if (running == 0) {
                // Cannot happen with libcurl's contract; do not spin if it does.
                result = CURLE_RECV_ERROR;
                break;
            }
            if (state.cancel->isCancelled()) {
                state.cancelled = true;
                break;
            }
            if (curl_multi_poll(session.multi(), nullptr, 0, kPollSliceMs, nullptr) != CURLM_OK) {
                result = CURLE_RECV_ERROR;
                break;
            }
        }
        // Removing an unfinished transfer closes its connection; a finished one stays cached.
        curl_multi_remove_handle(session.multi(), session.easy());
        return result;
    }

    const TransportOptions m_options;
    SessionPool m_pool;
};

} // namespace

std::unique_ptr<HttpTransport> makeCurlTransport(const TransportOptions &options)
{
    return std::make_unique<CurlTransport>(options);
}

} // namespace modelgate
