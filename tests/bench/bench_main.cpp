// modelgate-bench: the in-process half of the ModelGate benchmark (tests/bench/run_benchmark.py
// drives it). Each invocation measures ONE thing in its own process, so that the process's
// peak memory belongs to that measurement alone, and prints one JSON object on stdout:
//
//   modelgate-bench list URI [--repeat R]            core searchAllRegisteredModels, 1,000 per page
//   modelgate-bench raw-list URI [--repeat R]        the floor: the same pages over one kept-alive
//                                                    libcurl connection, bodies not parsed
//   modelgate-bench raw-history URI RUN METRIC [--repeat R]
//                                                    the floor of the history: its pages, unparsed
//   modelgate-bench history URI RUN METRIC [--repeat R] [--points P]
//                                                    core getMetricHistory (every point) + LTTB to P
//   modelgate-bench overview URI RUN METRIC [--repeat R] [--points P]
//                                                    core fetchMetricOverview: the chart's request
//                                                    (server-sampled bulk-interval endpoint)
//   modelgate-bench filter URI [--repeat R] [--keys d,di,dia,diab]
//                                                    keystrokes into the models view's filter
//
// Fields: "times_ms" (one per repetition), "median_ms", "items", "baseline_rss_kb" (resident
// memory just before the first measured call), "peak_rss_kb" (VmHWM at the end), plus
// mode-specific ones. Exit status 0 on success, 1 on a failed call, 2 on usage errors.

#include "bench_filter.h"
#include "bench_util.h"

#include <cctype>
#include <cstdio>
#include <curl/curl.h>
#include <iostream>
#include <string>
#include <vector>

#include <modelgate/core/util/cancel_token.h>
#include <modelgate/core/review/downsample.h>
#include <modelgate/core/review/metric_history.h>
#include <modelgate/core/mlflow/mlflow_client.h>

namespace modelgate::bench {

namespace {

constexpr int kPageSize = 1000; // MLflow's maximum for registered-models/search

constexpr const char *kUsage =
    "usage: modelgate-bench list|raw-list URI [--repeat R]\n"
    "       modelgate-bench history|overview|raw-history URI RUN_ID METRIC [--repeat R] [--points P]\n"
    "       modelgate-bench filter URI [--repeat R] [--keys d,di,dia,diab]\n";

MlflowClient makeClient(const std::string &uri)
{
    ClientConfig config;
    config.trackingUri = uri;
    config.transport.totalTimeout = std::chrono::minutes(10);
    return MlflowClient(std::move(config));
}

SearchModelsQuery allModelsQuery()
{
    SearchModelsQuery query;
    query.orderBy = {"name ASC"};
    query.maxResults = kPageSize;
    return query;
}

int runList(const Options &options)
{
    const MlflowClient client = makeClient(options.uri);
    const CancelToken cancel;
    Report report("list", options);
    std::size_t items = 0;
    std::size_t pages = 0;
    for (int i = 0; i < options.repeat; ++i) {
        pages = 0;
        const Stopwatch watch;
        const auto models = client.searchAllRegisteredModels(allModelsQuery(), cancel, [&](const auto &) {
            ++pages;
            return true;
        });
        const double ms = watch.elapsedMs();
        if (!models)
            return report.fail("listing failed: " + models.error().describe());
        items = models->size();
        report.addTime(ms);
    }
    report.set("items", items);
    report.set("pages", pages);
    return report.print();
}

// --- the floor: the same requests, no JSON parsing, no result objects.

std::size_t appendBody(char *data, std::size_t size, std::size_t count, void *userData)
{
    static_cast<std::string *>(userData)->append(data, size * count);
    return size * count;
}

// The value of "next_page_token" in a search response, found by text search: the one piece of
// the body a client must read to go on. MLflow's tokens are base64, never JSON-escaped.
std::string nextPageToken(const std::string &body)
{
    const auto key = body.rfind("\"next_page_token\"");
    if (key == std::string::npos)
        return {};
    const auto open = body.find('"', body.find(':', key) + 1);
    const auto close = open == std::string::npos ? open : body.find('"', open + 1);
    return close == std::string::npos ? std::string() : body.substr(open + 1, close - open - 1);
}

// Fetches every page of `firstUrl` (a GET answered with a next_page_token) over one kept-alive
// connection, appending "&page_token=" for the next page; reads nothing else of the bodies.
int runRawPages(const Options &options, const char *mode, const std::string &firstUrl)
{
    Report report(mode, options);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    CURL *curl = curl_easy_init();
    if (!curl)
        return report.fail("curl_easy_init failed");
    std::string body;
    body.reserve(std::size_t(8) << 20);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &appendBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    std::size_t bytes = 0;
    std::size_t pages = 0;
    for (int i = 0; i < options.repeat; ++i) {
        bytes = 0;
        pages = 0;
        std::string token;
        const Stopwatch watch;
        do {
            std::string url = firstUrl;
            if (!token.empty()) {
                char *escaped = curl_easy_escape(curl, token.c_str(), int(token.size()));
                url += "&page_token=";
                url += escaped;
                curl_free(escaped);
            }
            body.clear();
            curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
            const CURLcode code = curl_easy_perform(curl);
            long status = 0;
            curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
            if (code != CURLE_OK || status != 200) {
                curl_easy_cleanup(curl);
                return report.fail("raw fetch failed: " + std::string(curl_easy_strerror(code)) + ", HTTP " +
                                   std::to_string(status));
            }
            bytes += body.size();
            ++pages;
            token = nextPageToken(body);
        } while (!token.empty());
        report.addTime(watch.elapsedMs());
    }
    curl_easy_cleanup(curl);
    report.set("pages", pages);
    report.set("bytes", bytes);
    return report.print();
}

std::string escaped(const std::string &text)
{
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += char(c);
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            out += hex;
        }
    }
    return out;
}

int runRawList(const Options &options)
{
    return runRawPages(options, "raw-list",
                       options.uri + "/api/2.0/mlflow/registered-models/search?max_results=" +
                           std::to_string(kPageSize) + "&order_by=name%20ASC");
}

// The same requests as getMetricHistory (and MLflow's Python client): 25,000 points a page.
int runRawHistory(const Options &options)
{
    return runRawPages(options, "raw-history",
                       options.uri + "/api/2.0/mlflow/metrics/get-history?run_id=" + escaped(options.runId) +
                           "&metric_key=" + escaped(options.metric) + "&max_results=25000");
}

int runHistory(const Options &options)
{
    const MlflowClient client = makeClient(options.uri);
    const CancelToken cancel;
    Report report("history", options);
    std::size_t fetched = 0;
    std::size_t shown = 0;
    double fetchMs = 0;
    for (int i = 0; i < options.repeat; ++i) {
        const Stopwatch watch;
        const auto history = client.getMetricHistory(options.runId, options.metric, cancel);
        if (!history)
            return report.fail("history failed: " + history.error().describe());
        fetchMs = watch.elapsedMs();
        const auto chart = downsampleMetricHistory(*history, std::size_t(options.points));
        report.addTime(watch.elapsedMs());
        fetched = history->size();
        shown = chart.size();
    }
    report.set("items", fetched);
    report.set("points_shown", shown);
    report.set("last_fetch_parse_ms", fetchMs);
    return report.print();
}

int runOverview(const Options &options)
{
    const MlflowClient client = makeClient(options.uri);
    const CancelToken cancel;
    Report report("overview", options);
    std::size_t shown = 0;
    for (int i = 0; i < options.repeat; ++i) {
        const Stopwatch watch;
        const auto overview =
            fetchMetricOverview(client, {options.runId}, options.metric, options.points, {}, {}, cancel);
        const double ms = watch.elapsedMs();
        if (!overview)
            return report.fail("overview failed: " + overview.error().describe());
        report.addTime(ms);
        shown = overview->empty() ? 0 : overview->front().size();
    }
    report.set("items", shown);
    return report.print();
}

} // namespace

int main(int argc, char **argv)
{
    Options options;
    std::string error;
    if (!parseOptions(argc, argv, options, error)) {
        std::cerr << "modelgate-bench: " << error << '\n' << kUsage;
        return 2;
    }
    if (options.mode == "list")
        return runList(options);
    if (options.mode == "raw-list")
        return runRawList(options);
    if (options.mode == "history")
        return runHistory(options);
    if (options.mode == "raw-history")
        return runRawHistory(options);
    if (options.mode == "overview")
        return runOverview(options);
    if (options.mode == "filter") {
        const MlflowClient client = makeClient(options.uri);
        return runFilter(client, allModelsQuery(), options, argc, argv);
    }
    std::cerr << "modelgate-bench: unknown mode '" << options.mode << "'\n" << kUsage;
    return 2;
}

} // namespace modelgate::bench

int main(int argc, char **argv)
{
    return modelgate::bench::main(argc, argv);
}
