#pragma once

// Registered models of a test's own on a shared MLflow server. Tests that write (decisions,
// policies, tags) run side by side on the shared server, so each writes under a name no other
// test uses, and never to the seeded models that every test reads. A copy of a seeded model
// has its content: the same runs (so the same authors, metrics and artifacts), sources,
// descriptions, tags, stages and aliases, under version numbers 1..n as seeded.
// Header-only, like release_test_users.h: a test target needs nothing beyond modelgate_core.

#include "modelgate/core/mlflow/mlflow_client.h"
#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <algorithm>
#include <string>
#include <vector>

#include <QDebug>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUrl>

namespace modelgate::test {

// "<prefix>-<8 random hex digits>": a name of this run of the test alone.
inline std::string uniqueModelName(const std::string &prefix)
{
    const quint32 suffix = QRandomGenerator::system()->generate();
    return prefix + "-" + QString::number(suffix, 16).rightJustified(8, u'0').toStdString();
}

namespace seeded_copy_detail {

inline Result<QJsonObject> callForJson(const MlflowClient &client, HttpMethod method,
                                       const std::string &endpoint, const std::string &queryOrBody)
{
    auto reply = client.call(method, endpoint, queryOrBody, CancelToken::none());
    if (!reply.ok())
        return reply.error();
    return QJsonDocument::fromJson(QByteArray::fromStdString(reply.value())).object();
}

inline std::string compact(const QJsonObject &body)
{
    return QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString();
}

inline std::string query(const char *key, const QString &value)
{
    return std::string(key) + "=" + QUrl::toPercentEncoding(value).toStdString();
}

} // namespace seeded_copy_detail

// Registers `copy` (a new name) as a copy of the registered model `seeded`, as `admin` (who
// needs READ on `seeded`; on a basic-auth server the creator becomes the copy's manager).
// About 12 requests for diabetes-classifier.
inline Status copySeededModel(const MlflowClient &admin, const std::string &seeded, const std::string &copy)
{
    using namespace seeded_copy_detail;
    const QString seededName = QString::fromStdString(seeded);
    const QString copyName = QString::fromStdString(copy);
    auto model = callForJson(admin, HttpMethod::Get, "registered-models/get", query("name", seededName));
    if (!model.ok())
        return model.error();
    const QJsonObject original = model.value().value(QStringLiteral("registered_model")).toObject();
    auto found =
        callForJson(admin, HttpMethod::Get, "model-versions/search",
                    query("filter", QStringLiteral("name='%1'").arg(seededName)) + "&max_results=1000");
    if (!found.ok())
        return found.error();
    std::vector<QJsonObject> versions;
    for (const QJsonValue &version : found.value().value(QStringLiteral("model_versions")).toArray())
        versions.push_back(version.toObject());
    const auto number = [](const QJsonObject &version) {
        return version.value(QStringLiteral("version")).toString().toInt();
    };
    std::sort(versions.begin(), versions.end(),
              [&](const QJsonObject &a, const QJsonObject &b) { return number(a) < number(b); });

    QJsonObject created{{QStringLiteral("name"), copyName},
                        {QStringLiteral("description"), original.value(QStringLiteral("description"))},
                        {QStringLiteral("tags"), original.value(QStringLiteral("tags"))}};
    auto registered = callForJson(admin, HttpMethod::Post, "registered-models/create", compact(created));
    if (!registered.ok())
        return registered.error();

    for (const QJsonObject &version : versions) {
        QJsonObject body{{QStringLiteral("name"), copyName}};
        for (const QString &field :
             {QStringLiteral("source"), QStringLiteral("run_id"), QStringLiteral("run_link"),
              QStringLiteral("description"), QStringLiteral("tags"), QStringLiteral("model_id")}) {
            if (version.contains(field))
                body.insert(field, version.value(field));
        }
        // A logged model's source needs its model_id beside it, which newer servers (3.17) leave
        // out of the versions they list: it is the source's own id.
        const QString source = body.value(QStringLiteral("source")).toString();
        if (body.value(QStringLiteral("model_id")).toString().isEmpty() &&
            source.startsWith(QStringLiteral("models:/m-")) && !source.mid(8).contains(u'/'))
            body.insert(QStringLiteral("model_id"), source.mid(8));
        auto made = callForJson(admin, HttpMethod::Post, "model-versions/create", compact(body));
        if (!made.ok())
            return made.error();
        const QString madeNumber = made.value()
                                       .value(QStringLiteral("model_version"))
                                       .toObject()
                                       .value(QStringLiteral("version"))
                                       .toString();
        if (madeNumber != version.value(QStringLiteral("version")).toString())
            return Error::config("the copy " + copy + " got version " + madeNumber.toStdString() + " for " +
                                 seeded + " v" +
                                 version.value(QStringLiteral("version")).toString().toStdString() +
                                 " (seeded versions are numbered 1..n)");
        const QString stage = version.value(QStringLiteral("current_stage")).toString();
        if (!stage.isEmpty() && stage != u"None") {
            const QJsonObject transition{{QStringLiteral("name"), copyName},
                                         {QStringLiteral("version"), madeNumber},
                                         {QStringLiteral("stage"), stage},
                                         {QStringLiteral("archive_existing_versions"), false}};
            auto moved =
                callForJson(admin, HttpMethod::Post, "model-versions/transition-stage", compact(transition));
            if (!moved.ok())
                return moved.error();
        }
    }
    for (const QJsonValue &alias : original.value(QStringLiteral("aliases")).toArray()) {
        const QJsonObject body{
            {QStringLiteral("name"), copyName},
            {QStringLiteral("alias"), alias.toObject().value(QStringLiteral("alias"))},
            {QStringLiteral("version"), alias.toObject().value(QStringLiteral("version"))}};
        auto set = callForJson(admin, HttpMethod::Post, "registered-models/alias", compact(body));
        if (!set.ok())
            return set.error();
    }
    return success();
}

// Deletes the test's own models with their versions at its end, warning about any that cannot
// go: only tidiness, since nobody else uses their names (their records stay in the write-once
// ledger).
inline void deleteModels(const MlflowClient &admin, const std::vector<std::string> &names)
{
    for (const std::string &name : names) {
        const QJsonObject body{{QStringLiteral("name"), QString::fromStdString(name)}};
        auto deleted = admin.call(HttpMethod::Delete, "registered-models/delete",
                                  seeded_copy_detail::compact(body), CancelToken::none());
        if (!deleted.ok())
            qWarning("deleting the model %s failed: %s", name.c_str(), deleted.error().describe().c_str());
    }
}

} // namespace modelgate::test
