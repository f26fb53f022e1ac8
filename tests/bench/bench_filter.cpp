#include "bench_filter.h"

#include "registry/model_filter_proxy_model.h"
#include "registry/registered_model_list_model.h"

#include <memory>
#include <sstream>

#include <QApplication>
#include <QHeaderView>
#include <QTableView>

namespace modelgate::bench {

namespace {

struct KeystrokeTimes
{
    std::string text;
    std::vector<double> proxyMs;
    std::vector<double> viewMs;
};

// The filter texts typed in order: "d", "di", ... then back down to "" (backspace).
std::vector<std::string> keystrokeSequence(const std::vector<std::string> &keys)
{
    std::vector<std::string> sequence = keys;
    for (auto it = keys.rbegin() + 1; it != keys.rend(); ++it)
        sequence.push_back(*it);
    sequence.emplace_back();
    return sequence;
}

// The models table as MainWindow sets it up (sorting on, sorted by name, stretch last column).
std::unique_ptr<QTableView> makeModelsView(ui::ModelFilterProxyModel *proxy)
{
    auto view = std::make_unique<QTableView>();
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setSortingEnabled(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setModel(proxy);
    view->sortByColumn(ui::RegisteredModelListModel::Name, Qt::AscendingOrder);
    view->resize(1280, 800);
    view->show();
    return view;
}

std::string jsonString(const std::string &text)
{
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '"';
}

} // namespace

int runFilter(const MlflowClient &client, const SearchModelsQuery &query, const Options &options, int argc,
              char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    Report report("filter", options);

    ui::RegisteredModelListModel models;
    ui::ModelFilterProxyModel proxy;
    proxy.setSourceModel(&models);
    proxy.sort(ui::RegisteredModelListModel::Name, Qt::AscendingOrder);
    const CancelToken cancel;
    const Stopwatch loadWatch;
    const auto loaded =
        client.searchAllRegisteredModels(query, cancel, [&](const Page<RegisteredModel> &page) {
            models.appendPage(page.items, !page.nextPageToken.empty());
            return true;
        });
    if (!loaded)
        return report.fail("loading the models failed: " + loaded.error().describe());
    report.set("load_ms", loadWatch.elapsedMs());
    report.set("items", std::size_t(models.rowCount()));

    const auto sequence = keystrokeSequence(options.keys);
    std::vector<KeystrokeTimes> times;
    for (const auto &text : sequence)
        times.push_back({text, {}, {}});
    report.markBaseline();

    // Proxy alone: the item model's own cost per keystroke.
    for (int i = 0; i < options.repeat; ++i) {
        for (auto &keystroke : times) {
            const Stopwatch watch;
            proxy.setFilterText(QString::fromStdString(keystroke.text));
            keystroke.proxyMs.push_back(watch.elapsedMs());
        }
    }
    // With the table attached: the proxy's signals update the view, then a synchronous paint.
    const auto view = makeModelsView(&proxy);
    QApplication::processEvents();
    view->repaint();
    for (int i = 0; i < options.repeat; ++i) {
        for (auto &keystroke : times) {
            const Stopwatch watch;
            proxy.setFilterText(QString::fromStdString(keystroke.text));
            view->repaint();
            keystroke.viewMs.push_back(watch.elapsedMs());
            QApplication::processEvents(); // what the event loop would run between two keystrokes
        }
    }

    std::vector<double> allProxy;
    std::vector<double> allView;
    std::ostringstream perKey;
    perKey << '[';
    for (std::size_t k = 0; k < times.size(); ++k) {
        const auto &keystroke = times[k];
        proxy.setFilterText(QString::fromStdString(keystroke.text));
        perKey << (k ? ", " : "") << "{\"text\": " << jsonString(keystroke.text)
               << ", \"rows\": " << proxy.rowCount()
               << ", \"proxy_median_ms\": " << jsonNumber(median(keystroke.proxyMs))
               << ", \"view_median_ms\": " << jsonNumber(median(keystroke.viewMs)) << '}';
        allProxy.insert(allProxy.end(), keystroke.proxyMs.begin(), keystroke.proxyMs.end());
        allView.insert(allView.end(), keystroke.viewMs.begin(), keystroke.viewMs.end());
        report.addTime(median(keystroke.viewMs));
    }
    perKey << ']';
    report.setJson("keystrokes", perKey.str());
    report.set("proxy_median_ms", median(allProxy));
    report.set("proxy_max_ms", allProxy.empty() ? 0.0 : *std::max_element(allProxy.begin(), allProxy.end()));
    report.set("view_median_ms", median(allView));
    report.set("view_max_ms", allView.empty() ? 0.0 : *std::max_element(allView.begin(), allView.end()));
    return report.print();
}

} // namespace modelgate::bench
