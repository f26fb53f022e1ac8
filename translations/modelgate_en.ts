<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CheckText</name>
    <message>
        <source>%1 %</source>
        <comment>percent</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <comment>regression margins: absolute or relative</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) worse than the champion&apos;s %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 worse than the champion&apos;s %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished">Failed</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No regression: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Champion to compare with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature compatible with the champion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished">Description</translation>
    </message>
    <message>
        <source>Source run finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no change)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n input(s)</source>
        <translation>
            <numerusform>%n input</numerusform>
            <numerusform>%n inputs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n output(s)</source>
        <translation>
            <numerusform>%n output</numerusform>
            <numerusform>%n outputs</numerusform>
        </translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished">unchanged</translation>
    </message>
    <message numerus="yes">
        <source>%n compatible change(s)</source>
        <translation>
            <numerusform>%n compatible change</numerusform>
            <numerusform>%n compatible changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n breaking change(s)</source>
        <translation>
            <numerusform>%n breaking change</numerusform>
            <numerusform>%n breaking changes</numerusform>
        </translation>
    </message>
    <message>
        <source>≥ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≤ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>between %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most %1 worse than %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most %1 worse than the champion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a champion to compare with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a signature (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compatible with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compatible with %1 (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an input example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an input example (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a description (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>present, not blank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the candidate did not log %1; the champion did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the source run did not log %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the champion did not log %1; nothing to compare with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neither version logged %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is unknown: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is NaN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is below %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is above %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this version is the champion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no champion to compare with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be compared with the champion&apos;s %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no direction (higher or lower is better), so it cannot be compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: beyond both the absolute margin %2 and the relative margin %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: beyond the absolute margin %2 but within the relative margin %3 (it fails only beyond both)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: beyond the relative margin %2 but within the absolute margin %3 (it fails only beyond both)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, within both margins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: beyond the allowed %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, within the allowed %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the MLmodel could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the MLmodel could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the MLmodel has no signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the signatures could not be compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the signatures could not be compared: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the signature changed incompatibly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incompatible changes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the MLmodel names no input example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the version has no description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the source run could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the source run could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the source run is %1, not FINISHED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the version has no tag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tag %1 is blank</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeployText</name>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rollback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undeploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded “%1” for %2 v%3 as record %4 of its release trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT recorded: “%1” for %2 v%3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed, so nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Champion alias moved: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The champion alias did NOT move: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done on the endpoint, NOT recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLO breach</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftAutosave</name>
    <message>
        <source>Restored an unsent draft from %1 (UTC).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was being sent when the console stopped: check the standing decisions before you send it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Could not load the registered models.</source>
        <translation>Could not load the registered models.</translation>
    </message>
    <message>
        <source>Could not load the versions of this model.</source>
        <translation>Could not load the versions of this model.</translation>
    </message>
    <message>
        <source>Could not load the run that produced this version.</source>
        <translation>Could not load the run that produced this version.</translation>
    </message>
    <message>
        <source>Could not load the signature of this version.</source>
        <translation>Could not load the signature of this version.</translation>
    </message>
    <message>
        <source>The connection test failed.</source>
        <translation>The connection test failed.</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>the server</translation>
    </message>
    <message>
        <source>The server name %1 could not be found. Check the tracking URI of the workspace and your network connection.</source>
        <translation>The server name %1 could not be found. Check the tracking URI of the workspace and your network connection.</translation>
    </message>
    <message>
        <source>The proxy server could not be found. Check the http_proxy and https_proxy settings.</source>
        <translation>The proxy server could not be found. Check the http_proxy and https_proxy settings.</translation>
    </message>
    <message>
        <source>The MLflow server at %1 cannot be reached: the connection was refused. Check that the server is running and that the tracking URI is correct.</source>
        <translation>The MLflow server at %1 cannot be reached: the connection was refused. Check that the server is running and that the tracking URI is correct.</translation>
    </message>
    <message>
        <source>The MLflow server at %1 did not answer in time. Check your network connection or try again later.</source>
        <translation>The MLflow server at %1 did not answer in time. Check your network connection or try again later.</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 could not be verified. Set the CA bundle of the workspace to the certificate of your organisation.</source>
        <translation>The TLS certificate of %1 could not be verified. Set the CA bundle of the workspace to the certificate of your organisation.</translation>
    </message>
    <message>
        <source>A secure (TLS) connection to %1 could not be established. Check the tracking URI (http or https) and the CA bundle of the workspace.</source>
        <translation>A secure (TLS) connection to %1 could not be established. Check the tracking URI (http or https) and the CA bundle of the workspace.</translation>
    </message>
    <message>
        <source>The connection to %1 broke off before the answer was complete. Try again; if this keeps happening, a proxy or load balancer may be interrupting the connection.</source>
        <translation>The connection to %1 broke off before the answer was complete. Try again; if this keeps happening, a proxy or load balancer may be interrupting the connection.</translation>
    </message>
    <message>
        <source>The MLflow server at %1 cannot be reached (%2). Check the tracking URI and your network connection.</source>
        <translation>The MLflow server at %1 cannot be reached (%2). Check the tracking URI and your network connection.</translation>
    </message>
    <message>
        <source>The server has no MLflow model registry at this address (HTTP 404). Check the tracking URI, including any path prefix.</source>
        <translation>The server has no MLflow model registry at this address (HTTP 404). Check the tracking URI, including any path prefix.</translation>
    </message>
    <message>
        <source>The model no longer exists on the server (HTTP 404). Refresh the list of models.</source>
        <translation>The model no longer exists on the server (HTTP 404). Refresh the list of models.</translation>
    </message>
    <message>
        <source>The run no longer exists on the server (HTTP 404); it may have been deleted.</source>
        <translation>The run no longer exists on the server (HTTP 404); it may have been deleted.</translation>
    </message>
    <message>
        <source>The model files of this version were not found on the server (HTTP 404).</source>
        <translation>The model files of this version were not found on the server (HTTP 404).</translation>
    </message>
    <message>
        <source>The server did not accept the sign-in (HTTP 401). Check the user name and password (or token) of this workspace.</source>
        <translation>The server did not accept the sign-in (HTTP 401). Check the user name and password (or token) of this workspace.</translation>
    </message>
    <message>
        <source>Your account has no permission for this (HTTP 403). Ask an administrator of the MLflow server for read access.</source>
        <translation>Your account has no permission for this (HTTP 403). Ask an administrator of the MLflow server for read access.</translation>
    </message>
    <message>
        <source>The server is busy and asked ModelGate to slow down (HTTP 429). Try again in a minute.</source>
        <translation>The server is busy and asked ModelGate to slow down (HTTP 429). Try again in a minute.</translation>
    </message>
    <message>
        <source>The MLflow server is temporarily unavailable (HTTP %1). Try again later.</source>
        <translation>The MLflow server is temporarily unavailable (HTTP %1). Try again later.</translation>
    </message>
    <message>
        <source>The MLflow server ran into an internal error (HTTP %1). Try again later; if this keeps happening, tell the administrator of the server.</source>
        <translation>The MLflow server ran into an internal error (HTTP %1). Try again later; if this keeps happening, tell the administrator of the server.</translation>
    </message>
    <message>
        <source>The server refused the request (%1): %2</source>
        <translation>The server refused the request (%1): %2</translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1.</source>
        <translation>The server answered with HTTP status %1.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>The server sent an answer ModelGate cannot read (it is not valid JSON). The address may not be an MLflow server.</source>
        <translation>The server sent an answer ModelGate cannot read (it is not valid JSON). The address may not be an MLflow server.</translation>
    </message>
    <message>
        <source>The server sent an answer ModelGate cannot read: the field “%1” is malformed. The server may run an MLflow version ModelGate does not support.</source>
        <translation>The server sent an answer ModelGate cannot read: the field “%1” is malformed. The server may run an MLflow version ModelGate does not support.</translation>
    </message>
    <message>
        <source>The workspace settings cannot be used: %1. Open Manage Workspaces… to correct them.</source>
        <translation>The workspace settings cannot be used: %1. Open Manage Workspaces… to correct them.</translation>
    </message>
    <message>
        <source>Could not load the metric history for the chart.</source>
        <translation>Could not load the metric history for the chart.</translation>
    </message>
    <message>
        <source>Could not compare the two versions.</source>
        <translation>Could not compare the two versions.</translation>
    </message>
    <message>
        <source>Could not save the metric direction on the server.</source>
        <translation>Could not save the metric direction on the server.</translation>
    </message>
    <message>
        <source>Could not load the metric across the versions of this model.</source>
        <translation>Could not load the metric across the versions of this model.</translation>
    </message>
    <message>
        <source>The run or its metric no longer exists on the server (HTTP 404).</source>
        <translation>The run or its metric no longer exists on the server (HTTP 404).</translation>
    </message>
    <message>
        <source>The baseline version or alias does not exist for this model (HTTP 404). Choose another baseline.</source>
        <translation>The baseline version or alias does not exist for this model (HTTP 404). Choose another baseline.</translation>
    </message>
    <message>
        <source>Your account may read this model but not change it (HTTP 403). Ask an administrator of the MLflow server for EDIT permission on the model, or leave the directions to someone who has it.</source>
        <translation>Your account may read this model but not change it (HTTP 403). Ask an administrator of the MLflow server for EDIT permission on the model, or leave the directions to someone who has it.</translation>
    </message>
    <message>
        <source>The directions cannot be stored: %1.</source>
        <translation>The directions cannot be stored: %1.</translation>
    </message>
    <message>
        <source>Could not load the release trail of this model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the release report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the release review of this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept the decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not repair the review tags of this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the release policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the versions waiting for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account lacks a permission this needs (HTTP 403): %1. Ask an administrator of the MLflow server for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be written: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The release rules do not allow it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not offer what this needs, so nothing was changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you are an author of this version, and a release needs a reviewer who is not (four-eyes rule).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a required pre-check fails.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another decision stands in the way, or the trail changed meanwhile. Refresh and look at the standing decisions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you have no standing decision on this version to revoke.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same decision of yours already stands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>break-glass is not possible here: the policy does not allow it, or you are not an author of the version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you are not enrolled as a reviewer. An administrator enrols you with “modelgate-cli audit grant”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model&apos;s release trail is broken, and nothing is added to a broken trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the workspace has no user name, and a decision must name its reviewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the endpoints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check whether the deployed versions are still approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deployment was not made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The traffic split was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint was not rolled back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint could not be restarted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deployment was not deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the deployment&apos;s log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scoring request got no answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the version&apos;s input example.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version has no saved input example (HTTP 404). Choose a CSV file instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model or version no longer exists on the server (HTTP 404).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the version is not approved now (%1). Only an approved version gets traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the release trail records no earlier split of this endpoint to go back to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deployment still has traffic (%1). Move its share to another deployment first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The split is not valid (%1): every deployment of the endpoint is named once and the shares sum to 100 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An endpoint with this name exists already (%1). Choose it as an existing endpoint or pick another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint has a deployment with this name already (%1). Pick another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It no longer exists (%1). Refresh the endpoints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the endpoint has no such deployment: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the endpoint&apos;s metrics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check the endpoint&apos;s SLO rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the endpoint&apos;s SLO rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SLO rules were not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This rule cannot be saved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The load test did not run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the breach is in the release trail already, recorded by another watcher: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the limit must be 0 or more, and an error rule&apos;s limit (a percentage) at most 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the window must be 10 seconds to 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the minimum number of requests must be 1 to 1,000,000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the saved rules cannot be read (%1). The defaults are shown; saving replaces them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the Azure Machine Learning workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure has no such workspace (HTTP 404). Check the subscription, resource group and workspace name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft Entra ID refused the sign-in (%1): %2. Check the tenant, the client ID and the client secret of this workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure did not accept the sign-in token (%1), and a new one was refused too. Sign in again (az login) or check the service principal&apos;s secret. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your Azure identity has no role on this workspace that allows it (HTTP 403): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure could not start the deployment; it was removed again and nothing was recorded. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped waiting. Azure cannot cancel the operation: it goes on at Azure (%1). Refresh the endpoints to see how it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read where the endpoint&apos;s metrics come from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The metrics source was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the saved metrics source cannot be read (%1). Saving replaces it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonitorText</name>
    <message>
        <source>Another watcher acted on it first: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not rolled back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every rule is met or has too few requests to judge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>errors (4xx + 5xx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server errors (5xx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95 latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99 latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>absolute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>above the champion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>breached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too few requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ≤ %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ≤ champion + %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 over %2 (at least %3 requests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 %3, allowed ≤ %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (champion %1: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>, %n request(s) in %1</source>
        <translation>
            <numerusform>, %n request in %1</numerusform>
            <numerusform>, %n requests in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2 → %3 % · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 of %3 v%4 (%5) by %6, record %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split: %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HAProxy&apos;s request log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Monitor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReleaseReport</name>
    <message>
        <source>No values to draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (candidate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (champion)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale (the content changed since the approval)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>equal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished">added</translation>
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished">removed</translation>
    </message>
    <message>
        <source>%1 passed, %2 failed, %3 warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digest matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished">yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished">no</translation>
    </message>
    <message>
        <source>BREAK-GLASS: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison with the champion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no champion to compare with (or this version is the champion).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 against the champion, version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished">Metrics</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished">Metric</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation type="unfinished">Candidate</translation>
    </message>
    <message>
        <source>Champion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished">Verdict</translation>
    </message>
    <message>
        <source>Parameter changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No parameter differs from the champion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation type="unfinished">Parameter</translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished">Change</translation>
    </message>
    <message>
        <source>Signature changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signatures were not compared: %1</source>
        <translation type="unfinished">The signatures were not compared: %1</translation>
    </message>
    <message>
        <source>The signature is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breaking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BREAKING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail of the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model has no release records yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished">Version</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digest of the version&apos;s content:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished">Run</translation>
    </message>
    <message>
        <source>MLmodel SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release report: %1, version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated %1 by %2 for %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an anonymous user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>APPROVED for release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT APPROVED for release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State: %1. Reason: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The model&apos;s trail verifies (%n record(s)). Verified head hash:</source>
        <translation>
            <numerusform>The model&apos;s trail verifies (%n record). Verified head hash:</numerusform>
            <numerusform>The model&apos;s trail verifies (%n records). Verified head hash:</numerusform>
        </translation>
    </message>
    <message>
        <source>The model&apos;s trail is BROKEN at record %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation type="unfinished">Aliases</translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished">Description</translation>
    </message>
    <message>
        <source>Source run</source>
        <translation type="unfinished">Source run</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 standing, %2 required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the model&apos;s tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the default policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag mismatch: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No metric history to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A standing approval is a BREAK-GLASS self-approval by an author.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standing approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standing rejections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digests and hashes are shortened to their first 12 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged once per run, so there is no history to draw: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation type="unfinished">%1, version %2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rollback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undeploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint %1 (%2), deployment %3: %4 → %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLO breach</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Release Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collecting the evidence, checks and trail of %1 version %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <source>The release report was written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewSupport</name>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
</context>
<context>
    <name>TrailText</name>
    <message>
        <source>not a canonical record (its text was edited, or it is no record at all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing, while later records exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its sequence number differs from its key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it does not link to the hash of the record before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it names another model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not signed by the reviewer it names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reviewer it names is not enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a valid decision at that point (for example a revoke without a standing decision)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is “%2”, but the trail has no record of this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is missing (the trail says “%2”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is “%2”, the trail says “%3”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the release trail is broken at record %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>no decision yet; %n approval(s) needed</source>
        <translation>
            <numerusform>no decision yet; %n approval needed</numerusform>
            <numerusform>no decision yet; %n approvals needed</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 approvals (by %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the content changed after it was approved; it needs approving again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the version&apos;s review tags do not match the trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model&apos;s release policy tag does not match the trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved by %1 (BREAK-GLASS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::AuditTrailModel</name>
    <message>
        <source>malformed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approve (break-glass)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoke #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 passed, %2 failed, %3 warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not verified: an earlier record is broken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break-glass approval by an author: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished">Version</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deploy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>traffic %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rollback %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undeploy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>split %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLO breach %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::AuditTrailView</name>
    <message>
        <source>Loading and verifying the release trail of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model to see its release trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The release trail has not been loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No release records for %1 yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Verified · %n record(s) · head %1</source>
        <translation>
            <numerusform>Verified · %n record · head %1</numerusform>
            <numerusform>Verified · %n records · head %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Broken at record %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a record to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not verified: an earlier record is broken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished">Version</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break-glass reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revokes record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 passed, %2 failed, %3 warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Head Hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the verified head hash, e.g. to anchor it in a pipeline log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read and verify the trail again (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hash of the last record of the verified trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>the review tags of version(s) %1 differ from the records</source>
        <translation>
            <numerusform>the review tags of version %1 differ from the records</numerusform>
            <numerusform>the review tags of versions %1 differ from the records</numerusform>
        </translation>
    </message>
    <message>
        <source>the policy tag differs from the records</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Not consistent: %1 · %n record(s) verified</source>
        <translation>
            <numerusform>Not consistent: %1 · %n record verified</numerusform>
            <numerusform>Not consistent: %1 · %n records verified</numerusform>
        </translation>
    </message>
    <message>
        <source>Version %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release policy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The records themselves are intact: %1 rewrites the tags from them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review tags of version %1 do not match the trail:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::AzureWorkspaceForm</name>
    <message>
        <source>Azure CLI (az login)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service principal (client secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud (change for sovereign clouds only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARM base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authority host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscription ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace:</source>
        <translation type="unfinished">Workspace:</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the subscription ID, resource group, workspace and region of the Azure ML workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the tenant ID and client ID of the service principal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Azure settings are not usable: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client secret is kept in the system keychain; without one there, ModelGate uses AZURE_CLIENT_SECRET.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ModelGate asks the Azure CLI for a token (“az account get-access-token”); sign in with “az login” first. Tokens stay in memory only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::BreachBanner</name>
    <message>
        <source>Roll Back Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the split before the endpoint&apos;s last change of split; recorded in the release trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished">Dismiss</translation>
    </message>
    <message>
        <source>SLO breach at %1: %2 (%3 v%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLO breach at %1: %2 (%3 v%4) broke “%5”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded in the release trail by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolled back automatically by %1 at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolled back by %1 at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It still serves its share: roll it back now, or change the split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record says: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::CheckListModel</name>
    <message>
        <source>Status</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::ComparisonView</name>
    <message>
        <source>Compare with &amp;baseline:</source>
        <translation>Compare with &amp;baseline:</translation>
    </message>
    <message>
        <source>Right-click a metric to set whether higher or lower values are better.</source>
        <translation>Right-click a metric to set whether higher or lower values are better.</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameters</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Show &amp;unchanged</source>
        <translation>Show &amp;unchanged</translation>
    </message>
    <message>
        <source>Unchanged parameters and tags are dimmed; untick to hide them.</source>
        <translation>Unchanged parameters and tags are dimmed; untick to hide them.</translation>
    </message>
    <message>
        <source>Select a model version to compare it with the champion or another version.</source>
        <translation>Select a model version to compare it with the champion or another version.</translation>
    </message>
    <message>
        <source>Loading the comparison…</source>
        <translation>Loading the comparison…</translation>
    </message>
    <message>
        <source>@%1 (v%2)</source>
        <translation>@%1 (v%2)</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Loading the comparison was cancelled.</source>
        <translation>Loading the comparison was cancelled.</translation>
    </message>
    <message>
        <source>Comparing v%1 with %2…</source>
        <translation>Comparing v%1 with %2…</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Parameters (%1 changed)</source>
        <translation>Parameters (%1 changed)</translation>
    </message>
    <message>
        <source>Tags (%1 changed)</source>
        <translation>Tags (%1 changed)</translation>
    </message>
    <message>
        <source>Signature ⚠ breaking</source>
        <translation>Signature ⚠ breaking</translation>
    </message>
    <message numerus="yes">
        <source>%n metric(s) better</source>
        <translation>
            <numerusform>%n metric better</numerusform>
            <numerusform>%n metrics better</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n worse</source>
        <translation>
            <numerusform>%n worse</numerusform>
            <numerusform>%n worse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n equal</source>
        <translation>
            <numerusform>%n equal</numerusform>
            <numerusform>%n equal</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (candidate) against %2 (baseline): %3</source>
        <translation>%1 (candidate) against %2 (baseline): %3</translation>
    </message>
    <message>
        <source>the signature has breaking changes</source>
        <translation>the signature has breaking changes</translation>
    </message>
    <message>
        <source>Candidate: %1</source>
        <translation>Candidate: %1</translation>
    </message>
    <message>
        <source>Baseline: %1</source>
        <translation>Baseline: %1</translation>
    </message>
    <message>
        <source>Direction of %1</source>
        <translation>Direction of %1</translation>
    </message>
    <message>
        <source>Higher Is Better</source>
        <translation>Higher Is Better</translation>
    </message>
    <message>
        <source>Lower Is Better</source>
        <translation>Lower Is Better</translation>
    </message>
    <message>
        <source>Neither (No Verdict)</source>
        <translation>Neither (No Verdict)</translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation>Default (%1)</translation>
    </message>
    <message>
        <source>Saving the direction of %1…</source>
        <translation>Saving the direction of %1…</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::DecisionArea</name>
    <message>
        <source>&amp;Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;voke My Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break Glass…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair &amp;Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your comment (required): what you looked at and why you decide this way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve this version (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw your standing approval or rejection of this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve your own version with a written reason. The policy allows it; the record and every report mark it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewrite the version&apos;s review tags from the release trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comment is too long; the trail keeps at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::DeployWizard</name>
    <message>
        <source>New Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy %1 v%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::DeploymentTableModel</name>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version is no longer approved: %1. It keeps serving its share, but gets no more traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the release trail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its own scoring server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished">Version</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::EndpointChoicePage</name>
    <message>
        <source>Existing endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production: reaching 100 % here moves the champion alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where the version serves predictions. Only an approved version can be deployed: the release gate is checked again when the deployment starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registered model name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. diabetes-online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names: 1 to 32 of a–z, 0–9 and “-”, starting with a letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model:</source>
        <translation type="unfinished">Model:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished">Version:</translation>
    </message>
    <message>
        <source>Deployment name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the model and the version to deploy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint name is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An endpoint with this name exists already: choose it above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deployment name is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint has a deployment with this name already.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::EndpointListModel</name>
    <message>
        <source>no deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production endpoint: reaching 100 % here moves the model&apos;s champion alias.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per second over the last 5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests (5 min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLO</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::EndpointMonitorView</name>
    <message>
        <source>Last %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The span of time the charts show (Alt+1, Alt+2, Alt+3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50 latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95 latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99 latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The latency percentile the latency chart shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop redrawing the charts; the data is still collected (Ctrl+Shift+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the four charts as an image (Ctrl+Shift+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every point of the window: time, deployment, every metric (Ctrl+Shift+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLO Rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint&apos;s service-level rules and automatic rollback (Ctrl+Shift+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Test…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send requests at a fixed rate and watch the endpoint answer (Ctrl+Shift+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>errors/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency (%1, measured by HAProxy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 4xx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 5xx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an endpoint to see its live charts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This target has no metrics source: its endpoints cannot be charted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: the data is still collected; Resume (Ctrl+Shift+P) shows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live, redrawn at most twice a second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest request: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No request yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLO breach on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolled back from the console after an SLO breach of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image could not be written to %1.</source>
        <translation type="unfinished">The image could not be written to %1.</translation>
    </message>
    <message>
        <source>No endpoint is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished">PNG images (*.png)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished">CSV files (*.csv)</translation>
    </message>
    <message>
        <source>The data could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLO rules (%1): %2; a breaching canary is rolled back automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLO rules (%1): %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4xx and 5xx errors (5xx dashed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU, memory dotted · since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU, memory dotted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics Source…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the endpoint&apos;s metrics come from: the target&apos;s own source or Prometheus (Ctrl+Shift+U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale: %1 has no current data for this endpoint; its rules get no verdict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data from %1 until %2 (%3 old).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale: the newest data from %1 is %2 old; rules over a shorter window get no verdict.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::EndpointsPage</name>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the endpoints and their health again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Deployment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy an approved model version to an endpoint, step by step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Traffic…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the split before the endpoint&apos;s last change of split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start again whatever of the endpoint is not running, with its split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop and remove the selected deployment (only without traffic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the endpoints…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No endpoint yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No endpoint selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy an approved version with New Deployment… to create one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (production)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring URI: %1/invocations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart brings back what is not running, with the split it had.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log of %1 (last %2 lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 % of the traffic: move it to another deployment first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting the traffic of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up the split to go back to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll %1 back to the split recorded in %2?

Now: %3
After: %4

The rollback is recorded in the release trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolling %1 back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was restarted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop and remove %1 from %2? It has no traffic; the removal is recorded in the release trail. A rollback cannot bring it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide health checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HAProxy checks every deployment&apos;s /ping every 2 seconds; its scoring server logs each check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring URI: %1 (with the endpoint&apos;s key)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::ErrorBanner</name>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Edit Workspace…</source>
        <translation>Edit Workspace…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::InboxModel</name>
    <message numerus="yes">
        <source>%n passed</source>
        <translation>
            <numerusform>%n passed</numerusform>
            <numerusform>%n passed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1</source>
        <translation type="unfinished">v%1</translation>
    </message>
    <message>
        <source>%1 version %2 is waiting for your review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pre-checks could not be evaluated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standing decisions by: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The release trail of this model does not verify: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished">Version</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::InboxView</name>
    <message>
        <source>All pending (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine to review (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed checks (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the inbox (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by model, version or author</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Updated %1; refreshes every %n minute(s).</source>
        <translation>
            <numerusform>Updated %1; refreshes every minute.</numerusform>
            <numerusform>Updated %1; refreshes every %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the versions waiting for review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Evaluating the checks of %n version(s)…</source>
        <translation>
            <numerusform>Evaluating the checks of %n version…</numerusform>
            <numerusform>Evaluating the checks of %n versions…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>modelgate::ui::LoadTestDialog</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Test of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CSV file whose columns are the model&apos;s inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> rows per request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint (its split decides)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 alone (v%2, %3 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open-loop, as real clients are: each request starts on schedule whether or not earlier ones have answered; a start that falls behind is counted as late.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows to Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished">CSV files (*.csv)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no rows to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of %1 column(s) to send in turn.</source>
        <translation>
            <numerusform>%n row of %1 columns to send in turn.</numerusform>
            <numerusform>%n rows of %1 columns to send in turn.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the signature of %1 v%2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling: no new request starts; waiting for those in flight…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent %1 of %2 · succeeded %3 · failed %4%5 · no answer %6 · late %7 · in flight %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client latency: p50 %1 · p95 %2 · p99 %3 · achieved %4 requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running: %1 of %2 s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requests sent in %2 s (%3 requests/s): %4 succeeded, %5 failed, p95 %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::LoadingIndicator</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stop loading (Esc)</source>
        <translation>Stop loading (Esc)</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::MainWindow</name>
    <message>
        <source>&amp;Manage Workspaces…</source>
        <translation>&amp;Manage Workspaces…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Reload the registered models (F5)</source>
        <translation>Reload the registered models (F5)</translation>
    </message>
    <message>
        <source>&amp;Cancel Loading</source>
        <translation>&amp;Cancel Loading</translation>
    </message>
    <message>
        <source>&amp;Filter Models</source>
        <translation>&amp;Filter Models</translation>
    </message>
    <message>
        <source>&amp;About ModelGate</source>
        <translation>&amp;About ModelGate</translation>
    </message>
    <message>
        <source>About ModelGate</source>
        <translation>About ModelGate</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ModelGate %1&lt;/h3&gt;&lt;p&gt;A release console for MLflow models: browse the model registry, review versions, their runs and signatures.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ModelGate %1&lt;/h3&gt;&lt;p&gt;A release console for MLflow models: browse the model registry, review versions, their runs and signatures.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>About &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Workspace</translation>
    </message>
    <message>
        <source>Workspace:</source>
        <translation>Workspace:</translation>
    </message>
    <message>
        <source>The workspace file %1 could not be read (%2). It was left unchanged; fix or remove it to use your stored workspaces.</source>
        <translation>The workspace file %1 could not be read (%2). It was left unchanged; fix or remove it to use your stored workspaces.</translation>
    </message>
    <message>
        <source>No workspace is set up yet. Add one with Manage Workspaces… (Ctrl+,) or start ModelGate with MLFLOW_TRACKING_URI set.</source>
        <translation>No workspace is set up yet. Add one with Manage Workspaces… (Ctrl+,) or start ModelGate with MLFLOW_TRACKING_URI set.</translation>
    </message>
    <message>
        <source>There is no workspace called “%1”; opening another one.</source>
        <translation>There is no workspace called “%1”; opening another one.</translation>
    </message>
    <message>
        <source>%1 – ModelGate</source>
        <translation>%1 – ModelGate</translation>
    </message>
    <message>
        <source>No keychain available: the password is kept until ModelGate quits.</source>
        <translation>No keychain available: the password is kept until ModelGate quits.</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::MetricChartWidget</name>
    <message>
        <source>A log scale needs values above zero; %1 has the value %2 at step %3.</source>
        <translation>A log scale needs values above zero; %1 has the value %2 at step %3.</translation>
    </message>
    <message>
        <source>There is nothing to draw.</source>
        <translation>There is nothing to draw.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>%1 (log scale)</source>
        <translation>%1 (log scale)</translation>
    </message>
    <message>
        <source>%1 · step %2 · %3 = %4</source>
        <translation>%1 · step %2 · %3 = %4</translation>
    </message>
    <message>
        <source>The image could not be written to %1.</source>
        <translation>The image could not be written to %1.</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::MetricComparisonModel</name>
    <message>
        <source>▲ better</source>
        <translation>▲ better</translation>
    </message>
    <message>
        <source>▼ worse</source>
        <translation>▼ worse</translation>
    </message>
    <message>
        <source>= equal</source>
        <translation>= equal</translation>
    </message>
    <message>
        <source>– not rated</source>
        <translation>– not rated</translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation>higher is better</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>lower is better</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutral</translation>
    </message>
    <message>
        <source>%1 (set for this model)</source>
        <translation>%1 (set for this model)</translation>
    </message>
    <message>
        <source>Right-click to choose whether higher or lower values of this metric are better.</source>
        <translation>Right-click to choose whether higher or lower values of this metric are better.</translation>
    </message>
    <message>
        <source>This metric has no direction, so neither value is better.</source>
        <translation>This metric has no direction, so neither value is better.</translation>
    </message>
    <message>
        <source>One side has no value for this metric.</source>
        <translation>One side has no value for this metric.</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metric</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Candidate</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>Δ</source>
        <translation>Δ</translation>
    </message>
    <message>
        <source>Δ %</source>
        <translation>Δ %</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::MetricHistoryView</name>
    <message>
        <source>&amp;Log scale</source>
        <translation>&amp;Log scale</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>&amp;Reset Zoom</translation>
    </message>
    <message>
        <source>Export &amp;PNG…</source>
        <translation>Export &amp;PNG…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Export &amp;CSV…</translation>
    </message>
    <message>
        <source>Tick versions to draw their runs&apos; history of the same metric.</source>
        <translation>Tick versions to draw their runs&apos; history of the same metric.</translation>
    </message>
    <message>
        <source>Show every point again (Home, or right-click the chart)</source>
        <translation>Show every point again (Home, or right-click the chart)</translation>
    </message>
    <message>
        <source>Drag to zoom into a rectangle; Ctrl+drag or the middle button pans; arrow keys pan; the wheel or +/− zoom; right-click or Home resets.</source>
        <translation>Drag to zoom into a rectangle; Ctrl+drag or the middle button pans; arrow keys pan; the wheel or +/− zoom; right-click or Home resets.</translation>
    </message>
    <message>
        <source>&amp;Metric:</source>
        <translation>&amp;Metric:</translation>
    </message>
    <message>
        <source>Overlay versions</source>
        <translation>Overlay versions</translation>
    </message>
    <message>
        <source>Point at a line to read its values.</source>
        <translation>Point at a line to read its values.</translation>
    </message>
    <message>
        <source>Select a model version to chart its metrics.</source>
        <translation>Select a model version to chart its metrics.</translation>
    </message>
    <message>
        <source>This version was not registered from a run, so it has no metric history.</source>
        <translation>This version was not registered from a run, so it has no metric history.</translation>
    </message>
    <message>
        <source>Loading the run…</source>
        <translation>Loading the run…</translation>
    </message>
    <message>
        <source>The run logged no metrics.</source>
        <translation>The run logged no metrics.</translation>
    </message>
    <message>
        <source>Loading the history was cancelled.</source>
        <translation>Loading the history was cancelled.</translation>
    </message>
    <message>
        <source>v%1 (this version)</source>
        <translation>v%1 (this version)</translation>
    </message>
    <message numerus="yes">
        <source>Loading the history of %1 for %n run(s)…</source>
        <translation>
            <numerusform>Loading the history of %1 for %n run…</numerusform>
            <numerusform>Loading the history of %1 for %n runs…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no values of %2.</source>
        <translation>%1 has no values of %2.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n value(s) that are not numbers (NaN or infinite) are not drawn.</source>
        <translation>
            <numerusform>%1: %n value that is not a number (NaN or infinite) is not drawn.</numerusform>
            <numerusform>%1: %n values that are not numbers (NaN or infinite) are not drawn.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 could not be loaded: %2</source>
        <translation>%1 could not be loaded: %2</translation>
    </message>
    <message>
        <source>%1 of %2 points drawn (shape-preserving downsampling); the CSV export has every point.</source>
        <translation>%1 of %2 points drawn (shape-preserving downsampling); the CSV export has every point.</translation>
    </message>
    <message>
        <source>No run has values of %1.</source>
        <translation>No run has values of %1.</translation>
    </message>
    <message>
        <source>Show the values on a logarithmic axis</source>
        <translation>Show the values on a logarithmic axis</translation>
    </message>
    <message>
        <source>Export Chart as PNG</source>
        <translation>Export Chart as PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>Saved the chart to %1.</source>
        <translation>Saved the chart to %1.</translation>
    </message>
    <message>
        <source>The chart could not be saved: %1</source>
        <translation>The chart could not be saved: %1</translation>
    </message>
    <message>
        <source>Export Chart Data as CSV</source>
        <translation>Export Chart Data as CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Saved every point to %1.</source>
        <translation>Saved every point to %1.</translation>
    </message>
    <message>
        <source>The data could not be saved: %1</source>
        <translation>The data could not be saved: %1</translation>
    </message>
    <message>
        <source>Up to %1 points per run are drawn, as sampled by the server; the CSV export fetches every point.</source>
        <translation>Up to %1 points per run are drawn, as sampled by the server; the CSV export fetches every point.</translation>
    </message>
    <message>
        <source>Fetching every point for the CSV export…</source>
        <translation>Fetching every point for the CSV export…</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::MetricTrendView</name>
    <message>
        <source>&amp;Metric:</source>
        <translation>&amp;Metric:</translation>
    </message>
    <message>
        <source>Select a model version to chart a metric across every version of its model.</source>
        <translation>Select a model version to chart a metric across every version of its model.</translation>
    </message>
    <message>
        <source>Loading the run…</source>
        <translation>Loading the run…</translation>
    </message>
    <message>
        <source>The run of the selected version logged no metrics.</source>
        <translation>The run of the selected version logged no metrics.</translation>
    </message>
    <message>
        <source>Loading the trend was cancelled.</source>
        <translation>Loading the trend was cancelled.</translation>
    </message>
    <message>
        <source>Loading %1 of every version of %2…</source>
        <translation>Loading %1 of every version of %2…</translation>
    </message>
    <message>
        <source>%1 across the versions of %2</source>
        <translation>%1 across the versions of %2</translation>
    </message>
    <message>
        <source>v%1 (%2)</source>
        <translation>v%1 (%2)</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>no value</translation>
    </message>
    <message>
        <source>Not drawn: %1</source>
        <translation>Not drawn: %1</translation>
    </message>
    <message>
        <source>No version of %1 has a value of %2.</source>
        <translation>No version of %1 has a value of %2.</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::MetricsSourceDialog</name>
    <message>
        <source>The target&apos;s own: Azure Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target&apos;s own: HAProxy&apos;s request log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test Query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics Source of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The charts, “modelgate-cli endpoint metrics” and the SLO rules read this endpoint&apos;s requests and latency from here. Prometheus suits endpoints that it already scrapes, such as a KServe InferenceService on Kubernetes; $endpoint in a selector stands for the endpoint&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HAProxy exporter (local endpoints)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KServe on Knative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Histogram (percentiles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Averages only (no percentiles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished">None</translation>
    </message>
    <message>
        <source> ms per unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1000 when the metric is in seconds, 1 when it is in milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often Prometheus scrapes the exporter: the shortest step with data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Queries for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Request counter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deployment label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Latency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency &amp;metric:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency &amp;unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scrape &amp;interval:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PromQL over a 5-minute window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(read from the target&apos;s own source)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking Prometheus…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest scrape: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus has no current scrape of this endpoint: check the selector and the scrape job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) in the last 5 minutes.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>modelgate::ui::ModelVersionListModel</name>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Pending registration</source>
        <translation>Pending registration</translation>
    </message>
    <message>
        <source>Registration failed</source>
        <translation>Registration failed</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Aliases</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Source run</source>
        <translation>Source run</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::MonitorChartView</name>
    <message>
        <source>%1 · %2 · %3 %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::PolicyEditorDialog</name>
    <message>
        <source>Release Policy of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the rules change (required; recorded in the release trail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished">Metric</translation>
    </message>
    <message>
        <source>At least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A final metric value outside its bounds fails the check. Leave a bound empty for none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regression against the champion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every metric with a direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Champion &amp;alias:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absolute margin:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relative margin:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Metrics (comma-separated):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With both margins set, a metric fails only when it is worse than the champion by more than both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric directions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Better when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neutral (no verdict)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required items and approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model &amp;signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A signature &amp;compatible with the champion&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An &amp;input example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A version &amp;description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A &amp;finished source run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow &amp;break-glass self-approval by an author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break-glass lets an author approve their own version with a written reason. It defeats the four-eyes rule; every such approval is marked in the trail and in every report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required version &amp;tags (comma-separated):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required a&amp;pprovals:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview against v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n passed</source>
        <translation>
            <numerusform>%n passed</numerusform>
            <numerusform>%n passed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message>
        <source>The preview still compares with the current champion; the new alias applies after saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a comment saying why the rules change.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::RegisteredModelListModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Aliases</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>Last updated</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>The newest version of the model</source>
        <translation>The newest version of the model</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Latest</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::RegistryPage</name>
    <message>
        <source>Registered models</source>
        <translation>Registered models</translation>
    </message>
    <message>
        <source>Filter by name, tag or alias (Ctrl+F)</source>
        <translation>Filter by name, tag or alias (Ctrl+F)</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>Loading registered models…</source>
        <translation>Loading registered models…</translation>
    </message>
    <message numerus="yes">
        <source>Loading… %n model(s) so far</source>
        <translation>
            <numerusform>Loading… %n model so far</numerusform>
            <numerusform>Loading… %n models so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n registered model(s) loaded.</source>
        <translation>
            <numerusform>%n registered model loaded.</numerusform>
            <numerusform>%n registered models loaded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading cancelled: %n model(s) loaded.</source>
        <translation>
            <numerusform>Loading cancelled: %n model loaded.</numerusform>
            <numerusform>Loading cancelled: %n models loaded.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the versions of %1…</source>
        <translation>Loading the versions of %1…</translation>
    </message>
    <message>
        <source>Versions of %1 (%2)</source>
        <translation>Versions of %1 (%2)</translation>
    </message>
    <message>
        <source>Loading the versions was cancelled.</source>
        <translation>Loading the versions was cancelled.</translation>
    </message>
    <message>
        <source>Loading the run and the signature…</source>
        <translation>Loading the run and the signature…</translation>
    </message>
    <message>
        <source>Loading the version details was cancelled.</source>
        <translation>Loading the version details was cancelled.</translation>
    </message>
    <message>
        <source>Versions of %1</source>
        <translation>Versions of %1</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::ReviewPanel</name>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished">&amp;Refresh</translation>
    </message>
    <message>
        <source>Edit &amp;Policy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the checks and decisions (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the release rules of this model (needs EDIT permission on it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished">Charts</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Pre-checks&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Standing decisions&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No version selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a model version to review it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the checks and decisions of %1 v%2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n passed</source>
        <translation>
            <numerusform>%n passed</numerusform>
            <numerusform>%n passed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message>
        <source>Pending: no decision yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review: %1 of %2 approvals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale: the version changed after it was approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewing as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (BREAK-GLASS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (for older content)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — break-glass reason: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No standing decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The release trail of %1 is broken (%2); nothing can be added until it is repaired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You (%1) are not enrolled as a reviewer. An administrator enrols you with “modelgate-cli audit grant %1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace has no user name, so ModelGate cannot tell who is reviewing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the user of the version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the mlflow.user tag of its run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 tag of the version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 tag of its run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You (%1) are an author of this version (recorded in %2); someone else must approve it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy allows a break-glass approval with a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account lacks EDIT permission on %1, which deciding needs. Ask an administrator; then press Refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required checks fail: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break Glass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are approving your own version. This is recorded as a break-glass approval and marked in the trail and in every report.

Why can this not wait for another reviewer? (required, at most %1 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording your decision…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your approval was NOT recorded: %1 It is kept as a draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your rejection was NOT recorded: %1 It is kept as a draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your revocation was NOT recorded: %1 It is kept as a draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft of %1 (UTC): “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BREAK-GLASS approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recorded as record %2 of the trail.
Hash: %3
Time: %4
Reviewer: %5
Comment: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break-glass reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision stands, but the version&apos;s review tags could not be written (%1). Until they are repaired, verification reports a mismatch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repairing the review tags…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no champion to compare with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT consistent: the review tags do not match the trail (%1); until they are rewritten from it (modelgate-cli review sync), the version counts as not approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The release trail is BROKEN at record %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write this version&apos;s release report as PDF or HTML for an auditor: evidence, checks, decisions and the verified trail (Ctrl+Shift+E).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version&apos;s review tags do not match its release trail. Repair Tags rewrites them from the trail (this needs EDIT on the model).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rejected this version (record %2); the rejection stands until they revoke it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You approved this content already (record %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy this approved version to an endpoint, step by step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment action</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::ReviewsPage</name>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;view This Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n version(s) to review</source>
        <translation>
            <numerusform>%n version to review</numerusform>
            <numerusform>%n versions to review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>modelgate::ui::RolloutStepPage</name>
    <message>
        <source>Cancel Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop this step. A cancelled step leaves the endpoint as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the new deployment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The split after this step:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy at 100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy at 0 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts %1 v%2 as deployment %3 on %4. The endpoint has no other deployment, so it gets all of the traffic. The deployment is recorded in the model&apos;s release trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts %1 v%2 as deployment %3 on %4 with 0 % of the traffic: the endpoint keeps answering from its current deployments. The deployment is recorded in the model&apos;s release trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give It This Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the endpoint&apos;s only deployment and has all of the traffic: there is nothing to share. Go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends a share of the requests to %1, the rest to the other deployments in their current proportions. Recorded as a traffic change. Skip with Next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promote to 100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gives %1 all of the traffic. The other deployments stay at 0 %, running, so that Roll Back on the Endpoints page can return to them. Recorded as a traffic change%2. Skip with Next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; on this production endpoint the champion alias moves to v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling… A cancelled step leaves the endpoint as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: the endpoint is as it was, and nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: the endpoint is as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::SignatureDiffModel</name>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Input</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>added</source>
        <translation>added</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>removed</translation>
    </message>
    <message>
        <source>type changed</source>
        <translation>type changed</translation>
    </message>
    <message>
        <source>now required</source>
        <translation>now required</translation>
    </message>
    <message>
        <source>now optional</source>
        <translation>now optional</translation>
    </message>
    <message>
        <source>default changed</source>
        <translation>default changed</translation>
    </message>
    <message>
        <source>signature added</source>
        <translation>signature added</translation>
    </message>
    <message>
        <source>signature removed</source>
        <translation>signature removed</translation>
    </message>
    <message>
        <source>⚠ BREAKING</source>
        <translation>⚠ BREAKING</translation>
    </message>
    <message>
        <source>compatible</source>
        <translation>compatible</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Baseline type</source>
        <translation>Baseline type</translation>
    </message>
    <message>
        <source>Candidate type</source>
        <translation>Candidate type</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Impact</translation>
    </message>
    <message>
        <source>The signatures were not compared.</source>
        <translation>The signatures were not compared.</translation>
    </message>
    <message>
        <source>The signatures were not compared: %1</source>
        <translation>The signatures were not compared: %1</translation>
    </message>
    <message>
        <source>No signature changes.</source>
        <translation>No signature changes.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s), </source>
        <translation>
            <numerusform>%n change, </numerusform>
            <numerusform>%n changes, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n breaking</source>
        <translation>
            <numerusform>%n breaking</numerusform>
            <numerusform>%n breaking</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>modelgate::ui::SloRulesDialog</name>
    <message>
        <source>SLO Rules of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A deployment with traffic breaks a rule when its value over the rule&apos;s window is above the limit. Absolute rules hold every deployment; “above the champion” rules hold a canary to the deployment with the largest share on the same traffic. MLflow answers a model that fails on valid input with 4xx, so error rules count 4xx and 5xx. A breach is recorded in the release trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll a breaching canary back automatically to the split before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console and “modelgate-cli endpoint watch” both do it; the release trail decides who acts, so it happens once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to Defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5xx ≤ 1 %, p95 ≤ 1000 ms, and a canary no worse than the champion by 5 points of errors or 250 ms of p95, each over one minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::SmokeTestPage</name>
    <message>
        <source>Choose CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use Input Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to the Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoke Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends input rows to the new deployment alone, whatever its share, and shows its predictions. Nothing is recorded. Skip with Next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No input rows yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n prediction(s) received.</source>
        <translation>
            <numerusform>%n prediction received.</numerusform>
            <numerusform>%n predictions received.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 predictions for %2 rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Input Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be used: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input rows from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the input example of %1 v%2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CSV file with a header line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version&apos;s input example is not a table. Choose a CSV file with a header line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input example saved with %1 v%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sending %n row(s) to %1…</source>
        <translation>
            <numerusform>Sending %n row to %1…</numerusform>
            <numerusform>Sending %n rows to %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>The deployment answered HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished">Version</translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 now: %3. These records were written to the release trail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished">yes</translation>
    </message>
    <message>
        <source>NO: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::TrafficDialog</name>
    <message>
        <source>Set Traffic of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give each deployment its share of the requests. A deployment whose share grows must be approved now; the change is recorded in the release trail of each model whose share changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 v%3):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: why (recorded with the change)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % (must be 100 %, %2 to go)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::TrafficSplitBar</name>
    <message>
        <source>No deployment: the endpoint serves nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 % of the requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>modelgate::ui::ValueDiffModel</name>
    <message>
        <source>+ added</source>
        <translation>+ added</translation>
    </message>
    <message>
        <source>− removed</source>
        <translation>− removed</translation>
    </message>
    <message>
        <source>≠ changed</source>
        <translation>≠ changed</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Candidate</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::VersionDetailsPane</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation>Timestamp</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameters</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metrics</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>Select a model version to see its details.</source>
        <translation>Select a model version to see its details.</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Model:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Aliases:</source>
        <translation>Aliases:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Created:</translation>
    </message>
    <message>
        <source>Last updated:</source>
        <translation>Last updated:</translation>
    </message>
    <message>
        <source>Registered by:</source>
        <translation>Registered by:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Source:</translation>
    </message>
    <message>
        <source>Run ID:</source>
        <translation>Run ID:</translation>
    </message>
    <message>
        <source>Run name:</source>
        <translation>Run name:</translation>
    </message>
    <message>
        <source>Run status:</source>
        <translation>Run status:</translation>
    </message>
    <message>
        <source>Run started:</source>
        <translation>Run started:</translation>
    </message>
    <message>
        <source>Experiment:</source>
        <translation>Experiment:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Inputs</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Outputs</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1, version %2</translation>
    </message>
    <message>
        <source>%1, version %2 (%3)</source>
        <translation>%1, version %2 (%3)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>This version was not registered from a run, so it has no parameters or metrics.</source>
        <translation>This version was not registered from a run, so it has no parameters or metrics.</translation>
    </message>
    <message>
        <source>Loading the run…</source>
        <translation>Loading the run…</translation>
    </message>
    <message>
        <source>Loading the signature…</source>
        <translation>Loading the signature…</translation>
    </message>
    <message>
        <source>The run logged no parameters.</source>
        <translation>The run logged no parameters.</translation>
    </message>
    <message>
        <source>The run logged no metrics.</source>
        <translation>The run logged no metrics.</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>not available</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Neither the version nor its run has tags.</source>
        <translation>Neither the version nor its run has tags.</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unnamed)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Flavors: %1</source>
        <translation>Flavors: %1</translation>
    </message>
    <message>
        <source>Logged with MLflow %1</source>
        <translation>Logged with MLflow %1</translation>
    </message>
    <message>
        <source>Input example: yes</source>
        <translation>Input example: yes</translation>
    </message>
    <message>
        <source>Input example: no</source>
        <translation>Input example: no</translation>
    </message>
    <message numerus="yes">
        <source>Inference parameters: %n</source>
        <translation>
            <numerusform>Inference parameters: %n</numerusform>
            <numerusform>Inference parameters: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>No signature was logged with this model version, so the inputs it expects are not documented.</source>
        <translation>No signature was logged with this model version, so the inputs it expects are not documented.</translation>
    </message>
    <message>
        <source>No signature logged.</source>
        <translation>No signature logged.</translation>
    </message>
    <message>
        <source>The signature declares no inputs.</source>
        <translation>The signature declares no inputs.</translation>
    </message>
    <message>
        <source>The signature declares no outputs.</source>
        <translation>The signature declares no outputs.</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Killed</source>
        <translation>Killed</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Compare</translation>
    </message>
    <message>
        <source>Model Trend</source>
        <translation>Model Trend</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::WorkspaceManager</name>
    <message>
        <source>Environment (%1)</source>
        <translation>Environment (%1)</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::WorkspacesDialog</name>
    <message>
        <source>Manage Workspaces</source>
        <translation>Manage Workspaces</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Stored workspaces:</source>
        <translation>Stored workspaces:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>User name and password</source>
        <translation>User name and password</translation>
    </message>
    <message>
        <source>Access token (Bearer)</source>
        <translation>Access token (Bearer)</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Skip TLS certificate verification (insecure, test servers only)</source>
        <translation>Skip TLS certificate verification (insecure, test servers only)</translation>
    </message>
    <message>
        <source>System certificates</source>
        <translation>System certificates</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>Test Connection</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Tracking URI:</source>
        <translation>Tracking URI:</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Authentication:</translation>
    </message>
    <message>
        <source>CA bundle:</source>
        <translation>CA bundle:</translation>
    </message>
    <message>
        <source>The workspace “Environment” comes from the MLFLOW_TRACKING_URI environment variable and is not edited here.</source>
        <translation>The workspace “Environment” comes from the MLFLOW_TRACKING_URI environment variable and is not edited here.</translation>
    </message>
    <message>
        <source>Choose CA Bundle</source>
        <translation>Choose CA Bundle</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Passwords and tokens are stored in the system keychain, never in the workspace file.</source>
        <translation>Passwords and tokens are stored in the system keychain, never in the workspace file.</translation>
    </message>
    <message>
        <source>No keychain available: the password is kept until ModelGate quits.</source>
        <translation>No keychain available: the password is kept until ModelGate quits.</translation>
    </message>
    <message>
        <source>Enter a name for the workspace.</source>
        <translation>Enter a name for the workspace.</translation>
    </message>
    <message>
        <source>Another workspace is already called “%1”.</source>
        <translation>Another workspace is already called “%1”.</translation>
    </message>
    <message>
        <source>Enter the tracking URI of the MLflow server, e.g. http://localhost:5000.</source>
        <translation>Enter the tracking URI of the MLflow server, e.g. http://localhost:5000.</translation>
    </message>
    <message>
        <source>The tracking URI is not usable: %1</source>
        <translation>The tracking URI is not usable: %1</translation>
    </message>
    <message>
        <source>Enter the user name for password sign-in.</source>
        <translation>Enter the user name for password sign-in.</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>New workspace</translation>
    </message>
    <message>
        <source>New workspace %1</source>
        <translation>New workspace %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Connected: MLflow %1, model registry readable.</source>
        <translation>Connected: MLflow %1, model registry readable.</translation>
    </message>
    <message>
        <source>The workspaces could not be saved: %1</source>
        <translation>The workspaces could not be saved: %1</translation>
    </message>
    <message>
        <source>mlflow on PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mlflow program that starts local scoring servers for the Endpoints page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MLflow executable:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MLflow tracking server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azure Machine Learning workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected as %1; the workspace&apos;s model registry is readable. Aliases are kept as model tags there (the workspace has none).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
