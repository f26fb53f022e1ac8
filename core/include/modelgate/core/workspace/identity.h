#pragma once

#include "modelgate/core/mlflow/mlflow_client.h"
#include "modelgate/core/mlflow/mlflow_types.h"

#include <optional>
#include <string>
#include <vector>

namespace modelgate {

// The tag training code may set (on the run or the version) to name the version's author.
inline constexpr const char *kAuthorTag = "modelgate.author";

// Who the reviewer is: the basic-auth user name; for a bearer token, the identity in the
// token (a JWT's "preferred_username", "upn", "unique_name", "email", then "oid", then
// "sub"), else the profile's user name; empty when none is known.
std::string reviewerIdentity(const Credentials &credentials);

// The payload claims of a JWT, or nullopt when `token` is not a JWT with a JSON object
// payload. Only the identity claims above are returned (claim -> string value).
std::optional<std::vector<std::pair<std::string, std::string>>> jwtIdentityClaims(const std::string &token);

// Every identity recorded on a version: its user_id, its run's "mlflow.user" tag, and a
// kAuthorTag on the version or the run. Blank values dropped, trimmed, case-insensitive
// duplicates dropped (the first spelling kept), in that order.
std::vector<std::string> authorIdentities(const ModelVersion &version, const std::optional<Run> &run);

// Whether two identities name the same user: ASCII case-insensitive, surrounding blanks
// ignored; an empty identity matches nothing. Four-eyes and standing decisions compare by it.
bool sameIdentity(const std::string &a, const std::string &b);

// Case-insensitive (ASCII) match of `identity` against any of `authors` (sameIdentity).
bool isAuthor(const std::string &identity, const std::vector<std::string> &authors);

} // namespace modelgate
