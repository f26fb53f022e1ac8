#pragma once

#include "modelgate/core/mlflow/mlflow_types.h"

#include <optional>
#include <string>
#include <vector>

namespace modelgate {

// What changes between the signature of a baseline model version and a candidate's, and
// whether a caller that works with the baseline would break on the candidate.
//
// Breaking, after the definition and MLflow 3.6's schema enforcement
// (mlflow/models/utils.py: _enforce_schema, _enforce_named_col_schema,
// _enforce_mlflow_datatype, _enforce_tensor_spec, _enforce_object, _enforce_param_datatype
// with _ALLOWED_CONVERSIONS_FOR_PARAMS):
//  inputs
//   - removed: breaking (callers still send it; MLflow drops undeclared columns with a
//     warning, so the candidate silently ignores it);
//   - added and required, or optional -> required: breaking ("Model is missing inputs");
//     added optional, or required -> optional: not breaking;
//   - column type changed: the caller's data (of the baseline's type) must pass
//     _enforce_mlflow_datatype for the candidate's type. Accepted: the same type,
//     integer -> long, float -> double, integer -> double (numpy upcasts; int32 fits
//     float64 exactly), anything -> "any". Rejected (breaking): every narrowing (long ->
//     integer, double -> float, double -> long...), long -> float/double (MLflow accepts it
//     only when every value is 0 or 1), integer -> float, any non-text type -> string,
//     boolean/datetime -> anything else. Conversions MLflow accepts only for some values
//     or passes through unconverted are treated as breaking too: string -> datetime
//     (only parseable values), string/binary -> boolean, string <-> binary (object
//     columns pass unchecked, so the model would receive the wrong type);
//   - array<T>, map<string, T>: T compared by the same rules (_enforce_array/_enforce_map
//     apply _enforce_mlflow_datatype per element); object{...}: a new required property, a
//     property becoming required, a property removed (MLflow rejects undeclared
//     properties: "Invalid properties not defined in the schema") or a property retyped
//     incompatibly is breaking;
//   - tensors: dtype must match exactly (_enforce_tensor_spec compares dtypes for
//     equality), so any dtype change is breaking; a shape change is breaking unless every
//     dimension of the candidate is -1 or equal to the baseline's (same rank required);
//   - switching between column-based and tensor-based: breaking.
//  outputs: removed or retyped (any change of type, dtype or shape) is breaking; required ->
//   optional is breaking (consumers may not receive it); added is not.
//  params (inference parameters, which always have defaults): removed is breaking (MLflow
//   ignores unknown params with a warning, so callers' settings stop having an effect);
//   retyped is breaking unless the candidate's type accepts the baseline's values
//   (long <- integer; float <- integer, long; double <- integer, long, float); a shape
//   change is breaking; a new default or a new param is not.
//  the signature as a whole: removed (the candidate validates nothing and documents no
//   outputs) is breaking; added is not (but callers' inputs are now validated).

enum class SignatureSection
{
    Signature, // the signature as a whole
    Inputs,
    Outputs,
    Params,
};

enum class SignatureChangeKind
{
    Added,
    Removed,
    Retyped,
    BecameRequired,
    BecameOptional,
    DefaultChanged, // params only
    SignatureAdded,
    SignatureRemoved,
};

// "signature", "inputs", "outputs", "params"
const char *wireName(SignatureSection section);
// "added", "removed", "retyped", "now_required", "now_optional", "default_changed",
// "signature_added", "signature_removed"
const char *wireName(SignatureChangeKind change);

struct SignatureChange
{
    SignatureSection section = SignatureSection::Inputs;
    std::string name; // the column/tensor/param name; "[2]" for the third unnamed one; empty for Signature
    SignatureChangeKind change = SignatureChangeKind::Added;
    std::string
        from; // the baseline's type ("long", "array<double>", "tensor float64 (-1, 8)"); empty when added
    std::string to; // the candidate's; empty when removed
    bool breaking = false;
    std::string reason; // one English sentence: why this is (not) breaking
};

struct SignatureDiff
{
    bool compared = false; // false when a signature could not be read; `note` says why
    bool breaking = false; // any change is breaking
    std::vector<SignatureChange> changes;
    std::string note; // e.g. "neither version logs a signature", or why nothing was compared
};

// Differences from `baseline` to `candidate` (both readable MLmodel signatures, present or not).
SignatureDiff diffSignatures(const ModelSignature &baseline, const ModelSignature &candidate);

struct TypeAcceptance
{
    bool accepted = false;
    std::string reason;
};

// Whether an input column declared `candidateType` accepts data of `baselineType` (type
// texts as in SignatureField: "long", or for nested types the detail "array<double>",
// "object{a: long, b: string (optional)}", "map<string, double>").
TypeAcceptance columnTypeAccepts(const std::string &baselineType, const std::string &candidateType);

// Display text of a field's type, as SignatureChange::from/to show it.
std::string signatureFieldTypeText(const SignatureField &field);

} // namespace modelgate
