#pragma once

// Users on a basic-auth MLflow test server (PrivateMlflowServer with Options::basicAuth),
// for the tests that prove who may write what in the release ledger. Header-only so that any
// test target including it needs nothing beyond modelgate_core and Qt.

#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/mlflow/mlflow_client.h"
#include "modelgate/core/util/result.h"

#include <string>

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QString>

namespace modelgate::test {

// A fresh password for a test user (MLflow's basic-auth app wants at least 12 characters).
inline std::string randomPassword()
{
    std::string password = "pw-";
    for (int i = 0; i < 20; ++i)
        password += static_cast<char>('a' + QRandomGenerator::global()->bounded(26));
    return password;
}

// A client for `uri` authenticating as `user` with HTTP basic auth.
inline MlflowClient clientAs(const QString &uri, const std::string &user, const std::string &password)
{
    ClientConfig config;
    config.trackingUri = uri.toStdString();
    config.credentials.kind = AuthKind::Basic;
    config.credentials.username = user;
    config.credentials.secret = password;
    return MlflowClient(std::move(config));
}

// Creates a user (POST users/create; admin only; MLflow wants a password of 12 characters or
// more). A user that already exists counts as success, so a test may call it again.
inline Status createUser(const MlflowClient &admin, const std::string &user, const std::string &password)
{
    const QJsonObject body{{QStringLiteral("username"), QString::fromStdString(user)},
                           {QStringLiteral("password"), QString::fromStdString(password)}};
    CancelToken cancel;
    auto reply = admin.call(HttpMethod::Post, "users/create",
                            QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(), cancel);
    if (!reply.ok() &&
        !(reply.error().kind == ErrorKind::Api && reply.error().code == "RESOURCE_ALREADY_EXISTS"))
        return reply.error();
    return success();
}

// Gives `user` `permission` ("READ", "EDIT", "MANAGE") on a registered model: create, or
// update when the user already has one. Needs admin or MANAGE on the model.
inline Status grantModel(const MlflowClient &admin, const std::string &model, const std::string &user,
                         const std::string &permission)
{
    const QJsonObject body{{QStringLiteral("name"), QString::fromStdString(model)},
                           {QStringLiteral("username"), QString::fromStdString(user)},
                           {QStringLiteral("permission"), QString::fromStdString(permission)}};
    const std::string text = QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString();
    CancelToken cancel;
    auto created = admin.call(HttpMethod::Post, "registered-models/permissions/create", text, cancel);
    if (created.ok())
        return success();
    if (created.error().kind != ErrorKind::Api || created.error().code != "RESOURCE_ALREADY_EXISTS")
        return created.error();
    auto updated = admin.call(HttpMethod::Patch, "registered-models/permissions/update", text, cancel);
    if (!updated.ok())
        return updated.error();
    return success();
}

} // namespace modelgate::test
