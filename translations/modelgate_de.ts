<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CheckText</name>
    <message>
        <source>%1 %</source>
        <comment>percent</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <comment>regression margins: absolute or relative</comment>
        <translation>%1 oder %2</translation>
    </message>
    <message>
        <source>%1 (%2) worse than the champion&apos;s %3</source>
        <translation>%1 (%2) schlechter als der Champion mit %3</translation>
    </message>
    <message>
        <source>%1 worse than the champion&apos;s %2</source>
        <translation>%1 schlechter als der Champion mit %2</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Threshold: %1</source>
        <translation>Schwellenwert: %1</translation>
    </message>
    <message>
        <source>No regression: %1</source>
        <translation>Keine Verschlechterung: %1</translation>
    </message>
    <message>
        <source>Champion to compare with</source>
        <translation>Champion zum Vergleich</translation>
    </message>
    <message>
        <source>Signature present</source>
        <translation>Signatur vorhanden</translation>
    </message>
    <message>
        <source>Signature compatible with the champion</source>
        <translation>Signatur kompatibel mit dem Champion</translation>
    </message>
    <message>
        <source>Input example</source>
        <translation>Eingabebeispiel</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Source run finished</source>
        <translation>Quelllauf abgeschlossen</translation>
    </message>
    <message>
        <source>Tag: %1</source>
        <translation>Tag: %1</translation>
    </message>
    <message>
        <source>%1 (no change)</source>
        <translation>%1 (unverändert)</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>blank</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>present</source>
        <translation>vorhanden</translation>
    </message>
    <message>
        <source>this version</source>
        <translation>diese Version</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>not compared</source>
        <translation>nicht verglichen</translation>
    </message>
    <message numerus="yes">
        <source>%n input(s)</source>
        <translation>
            <numerusform>%n Eingabe</numerusform>
            <numerusform>%n Eingaben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n output(s)</source>
        <translation>
            <numerusform>%n Ausgabe</numerusform>
            <numerusform>%n Ausgaben</numerusform>
        </translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message numerus="yes">
        <source>%n compatible change(s)</source>
        <translation>
            <numerusform>%n kompatible Änderung</numerusform>
            <numerusform>%n kompatible Änderungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n breaking change(s)</source>
        <translation>
            <numerusform>%n inkompatible Änderung</numerusform>
            <numerusform>%n inkompatible Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <source>≤ %1</source>
        <translation>≤ %1</translation>
    </message>
    <message>
        <source>between %1 and %2</source>
        <translation>zwischen %1 und %2</translation>
    </message>
    <message>
        <source>any value</source>
        <translation>beliebiger Wert</translation>
    </message>
    <message>
        <source>at most %1 worse than %2 (%3)</source>
        <translation>höchstens %1 schlechter als %2 (%3)</translation>
    </message>
    <message>
        <source>at most %1 worse than the champion</source>
        <translation>höchstens %1 schlechter als der Champion</translation>
    </message>
    <message>
        <source>a champion to compare with</source>
        <translation>ein Champion</translation>
    </message>
    <message>
        <source>a signature</source>
        <translation>eine Signatur</translation>
    </message>
    <message>
        <source>a signature (optional)</source>
        <translation>eine Signatur (optional)</translation>
    </message>
    <message>
        <source>compatible with %1</source>
        <translation>kompatibel mit %1</translation>
    </message>
    <message>
        <source>compatible with %1 (optional)</source>
        <translation>kompatibel mit %1 (optional)</translation>
    </message>
    <message>
        <source>an input example</source>
        <translation>ein Eingabebeispiel</translation>
    </message>
    <message>
        <source>an input example (optional)</source>
        <translation>ein Eingabebeispiel (optional)</translation>
    </message>
    <message>
        <source>a description</source>
        <translation>eine Beschreibung</translation>
    </message>
    <message>
        <source>a description (optional)</source>
        <translation>eine Beschreibung (optional)</translation>
    </message>
    <message>
        <source>present, not blank</source>
        <translation>vorhanden, nicht leer</translation>
    </message>
    <message>
        <source>the candidate did not log %1; the champion did</source>
        <translation>der Kandidat hat %1 nicht protokolliert, der Champion schon</translation>
    </message>
    <message>
        <source>the source run did not log %1</source>
        <translation>der Quelllauf hat %1 nicht protokolliert</translation>
    </message>
    <message>
        <source>the champion did not log %1; nothing to compare with</source>
        <translation>der Champion hat %1 nicht protokolliert; kein Vergleich möglich</translation>
    </message>
    <message>
        <source>neither version logged %1</source>
        <translation>keine der beiden Versionen hat %1 protokolliert</translation>
    </message>
    <message>
        <source>%1 is unknown: %2</source>
        <translation>%1 ist unbekannt: %2</translation>
    </message>
    <message>
        <source>%1 is NaN</source>
        <translation>%1 ist NaN</translation>
    </message>
    <message>
        <source>%1 is below %2</source>
        <translation>%1 liegt unter %2</translation>
    </message>
    <message>
        <source>%1 is above %2</source>
        <translation>%1 liegt über %2</translation>
    </message>
    <message>
        <source>this version is the champion</source>
        <translation>diese Version ist der Champion</translation>
    </message>
    <message>
        <source>no champion to compare with</source>
        <translation>kein Champion zum Vergleich</translation>
    </message>
    <message>
        <source>%1 cannot be compared with the champion&apos;s %2</source>
        <translation>%1 lässt sich nicht mit dem Wert des Champions (%2) vergleichen</translation>
    </message>
    <message>
        <source>%1 has no direction (higher or lower is better), so it cannot be compared</source>
        <translation>für %1 ist keine Richtung festgelegt (höher oder niedriger ist besser), daher kein Vergleich möglich</translation>
    </message>
    <message>
        <source>%1: beyond both the absolute margin %2 and the relative margin %3</source>
        <translation>%1: jenseits der absoluten Toleranz %2 und der relativen Toleranz %3</translation>
    </message>
    <message>
        <source>%1: beyond the absolute margin %2 but within the relative margin %3 (it fails only beyond both)</source>
        <translation>%1: jenseits der absoluten Toleranz %2, aber innerhalb der relativen Toleranz %3 (fehlgeschlagen erst jenseits beider)</translation>
    </message>
    <message>
        <source>%1: beyond the relative margin %2 but within the absolute margin %3 (it fails only beyond both)</source>
        <translation>%1: jenseits der relativen Toleranz %2, aber innerhalb der absoluten Toleranz %3 (fehlgeschlagen erst jenseits beider)</translation>
    </message>
    <message>
        <source>%1, within both margins</source>
        <translation>%1, innerhalb beider Toleranzen</translation>
    </message>
    <message>
        <source>%1: beyond the allowed %2</source>
        <translation>%1: jenseits der erlaubten Toleranz %2</translation>
    </message>
    <message>
        <source>%1, within the allowed %2</source>
        <translation>%1, innerhalb der erlaubten Toleranz %2</translation>
    </message>
    <message>
        <source>the MLmodel could not be read</source>
        <translation>die MLmodel-Datei ist nicht lesbar</translation>
    </message>
    <message>
        <source>the MLmodel could not be read: %1</source>
        <translation>die MLmodel-Datei ist nicht lesbar: %1</translation>
    </message>
    <message>
        <source>the MLmodel has no signature</source>
        <translation>die MLmodel-Datei enthält keine Signatur</translation>
    </message>
    <message>
        <source>the signatures could not be compared</source>
        <translation>die Signaturen ließen sich nicht vergleichen</translation>
    </message>
    <message>
        <source>the signatures could not be compared: %1</source>
        <translation>die Signaturen ließen sich nicht vergleichen: %1</translation>
    </message>
    <message>
        <source>the signature changed incompatibly</source>
        <translation>die Signatur hat sich inkompatibel geändert</translation>
    </message>
    <message>
        <source>incompatible changes: %1</source>
        <translation>inkompatible Änderungen: %1</translation>
    </message>
    <message>
        <source>the MLmodel names no input example</source>
        <translation>die MLmodel-Datei nennt kein Eingabebeispiel</translation>
    </message>
    <message>
        <source>the version has no description</source>
        <translation>die Version hat keine Beschreibung</translation>
    </message>
    <message>
        <source>the source run could not be read</source>
        <translation>der Quelllauf ist nicht lesbar</translation>
    </message>
    <message>
        <source>the source run could not be read: %1</source>
        <translation>der Quelllauf ist nicht lesbar: %1</translation>
    </message>
    <message>
        <source>the source run is %1, not FINISHED</source>
        <translation>der Quelllauf ist %1, nicht FINISHED</translation>
    </message>
    <message>
        <source>the version has no tag %1</source>
        <translation>die Version hat kein Tag %1</translation>
    </message>
    <message>
        <source>the tag %1 is blank</source>
        <translation>das Tag %1 ist leer</translation>
    </message>
</context>
<context>
    <name>DeployText</name>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>antwortet nicht</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>deploy</source>
        <translation>Bereitstellung</translation>
    </message>
    <message>
        <source>traffic</source>
        <translation>Traffic</translation>
    </message>
    <message>
        <source>rollback</source>
        <translation>Rollback</translation>
    </message>
    <message>
        <source>undeploy</source>
        <translation>Entfernung</translation>
    </message>
    <message>
        <source>Recorded “%1” for %2 v%3 as record %4 of its release trail.</source>
        <translation>„%1“ für %2 v%3 als Eintrag %4 seines Prüfpfads vermerkt.</translation>
    </message>
    <message>
        <source>NOT recorded: “%1” for %2 v%3: %4</source>
        <translation>NICHT vermerkt: „%1“ für %2 v%3: %4</translation>
    </message>
    <message>
        <source>Nothing changed, so nothing was recorded.</source>
        <translation>Nichts hat sich geändert, also wurde nichts vermerkt.</translation>
    </message>
    <message>
        <source>Champion alias moved: %1.</source>
        <translation>Champion-Alias verschoben: %1.</translation>
    </message>
    <message>
        <source>The champion alias did NOT move: %1</source>
        <translation>Der Champion-Alias wurde NICHT verschoben: %1</translation>
    </message>
    <message>
        <source>Done on the endpoint, NOT recorded: %1</source>
        <translation>Auf dem Endpunkt ausgeführt, aber NICHT vermerkt: %1</translation>
    </message>
    <message>
        <source>SLO breach</source>
        <translation>SLO-Verletzung</translation>
    </message>
</context>
<context>
    <name>DraftAutosave</name>
    <message>
        <source>Restored an unsent draft from %1 (UTC).</source>
        <translation>Ein nicht gesendeter Entwurf vom %1 (UTC) wurde wiederhergestellt.</translation>
    </message>
    <message>
        <source>It was being sent when the console stopped: check the standing decisions before you send it again.</source>
        <translation>Er wurde gerade gesendet, als die Konsole beendet wurde: Prüfen Sie die geltenden Entscheidungen, bevor Sie ihn erneut senden.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Could not load the registered models.</source>
        <translation>Die registrierten Modelle konnten nicht geladen werden.</translation>
    </message>
    <message>
        <source>Could not load the versions of this model.</source>
        <translation>Die Versionen dieses Modells konnten nicht geladen werden.</translation>
    </message>
    <message>
        <source>Could not load the run that produced this version.</source>
        <translation>Der Lauf, aus dem diese Version stammt, konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>Could not load the signature of this version.</source>
        <translation>Die Signatur dieser Version konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>The connection test failed.</source>
        <translation>Der Verbindungstest ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>der Server</translation>
    </message>
    <message>
        <source>The server name %1 could not be found. Check the tracking URI of the workspace and your network connection.</source>
        <translation>Der Servername %1 wurde nicht gefunden. Prüfen Sie die Tracking-URI des Arbeitsbereichs und Ihre Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>The proxy server could not be found. Check the http_proxy and https_proxy settings.</source>
        <translation>Der Proxyserver wurde nicht gefunden. Prüfen Sie die Einstellungen http_proxy und https_proxy.</translation>
    </message>
    <message>
        <source>The MLflow server at %1 cannot be reached: the connection was refused. Check that the server is running and that the tracking URI is correct.</source>
        <translation>Der MLflow-Server unter %1 ist nicht erreichbar: Die Verbindung wurde abgelehnt. Prüfen Sie, ob der Server läuft und die Tracking-URI stimmt.</translation>
    </message>
    <message>
        <source>The MLflow server at %1 did not answer in time. Check your network connection or try again later.</source>
        <translation>Der MLflow-Server unter %1 hat nicht rechtzeitig geantwortet. Prüfen Sie Ihre Netzwerkverbindung oder versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 could not be verified. Set the CA bundle of the workspace to the certificate of your organisation.</source>
        <translation>Das TLS-Zertifikat von %1 konnte nicht überprüft werden. Hinterlegen Sie im Arbeitsbereich das CA-Bundle mit dem Zertifikat Ihrer Organisation.</translation>
    </message>
    <message>
        <source>A secure (TLS) connection to %1 could not be established. Check the tracking URI (http or https) and the CA bundle of the workspace.</source>
        <translation>Es konnte keine sichere (TLS-)Verbindung zu %1 aufgebaut werden. Prüfen Sie die Tracking-URI (http oder https) und das CA-Bundle des Arbeitsbereichs.</translation>
    </message>
    <message>
        <source>The connection to %1 broke off before the answer was complete. Try again; if this keeps happening, a proxy or load balancer may be interrupting the connection.</source>
        <translation>Die Verbindung zu %1 brach ab, bevor die Antwort vollständig war. Versuchen Sie es erneut; tritt das wiederholt auf, unterbricht möglicherweise ein Proxy oder Load Balancer die Verbindung.</translation>
    </message>
    <message>
        <source>The MLflow server at %1 cannot be reached (%2). Check the tracking URI and your network connection.</source>
        <translation>Der MLflow-Server unter %1 ist nicht erreichbar (%2). Prüfen Sie die Tracking-URI und Ihre Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>The server has no MLflow model registry at this address (HTTP 404). Check the tracking URI, including any path prefix.</source>
        <translation>Unter dieser Adresse gibt es keine MLflow-Modellregistrierung (HTTP 404). Prüfen Sie die Tracking-URI einschließlich eines etwaigen Pfadpräfixes.</translation>
    </message>
    <message>
        <source>The model no longer exists on the server (HTTP 404). Refresh the list of models.</source>
        <translation>Das Modell existiert auf dem Server nicht mehr (HTTP 404). Aktualisieren Sie die Modellliste.</translation>
    </message>
    <message>
        <source>The run no longer exists on the server (HTTP 404); it may have been deleted.</source>
        <translation>Der Lauf existiert auf dem Server nicht mehr (HTTP 404); möglicherweise wurde er gelöscht.</translation>
    </message>
    <message>
        <source>The model files of this version were not found on the server (HTTP 404).</source>
        <translation>Die Modelldateien dieser Version wurden auf dem Server nicht gefunden (HTTP 404).</translation>
    </message>
    <message>
        <source>The server did not accept the sign-in (HTTP 401). Check the user name and password (or token) of this workspace.</source>
        <translation>Der Server hat die Anmeldung nicht akzeptiert (HTTP 401). Prüfen Sie Benutzername und Passwort (bzw. Token) dieses Arbeitsbereichs.</translation>
    </message>
    <message>
        <source>Your account has no permission for this (HTTP 403). Ask an administrator of the MLflow server for read access.</source>
        <translation>Ihr Konto hat dafür keine Berechtigung (HTTP 403). Bitten Sie eine Administratorin oder einen Administrator des MLflow-Servers um Lesezugriff.</translation>
    </message>
    <message>
        <source>The server is busy and asked ModelGate to slow down (HTTP 429). Try again in a minute.</source>
        <translation>Der Server ist ausgelastet und hat ModelGate gebeten, weniger Anfragen zu senden (HTTP 429). Versuchen Sie es in einer Minute erneut.</translation>
    </message>
    <message>
        <source>The MLflow server is temporarily unavailable (HTTP %1). Try again later.</source>
        <translation>Der MLflow-Server ist vorübergehend nicht verfügbar (HTTP %1). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The MLflow server ran into an internal error (HTTP %1). Try again later; if this keeps happening, tell the administrator of the server.</source>
        <translation>Auf dem MLflow-Server ist ein interner Fehler aufgetreten (HTTP %1). Versuchen Sie es später erneut; tritt der Fehler weiterhin auf, informieren Sie die Administration des Servers.</translation>
    </message>
    <message>
        <source>The server refused the request (%1): %2</source>
        <translation>Der Server hat die Anfrage abgelehnt (%1): %2</translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1.</source>
        <translation>Der Server antwortete mit HTTP-Status %1.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The server sent an answer ModelGate cannot read (it is not valid JSON). The address may not be an MLflow server.</source>
        <translation>Der Server hat eine Antwort gesendet, die ModelGate nicht lesen kann (kein gültiges JSON). Unter dieser Adresse läuft möglicherweise kein MLflow-Server.</translation>
    </message>
    <message>
        <source>The server sent an answer ModelGate cannot read: the field “%1” is malformed. The server may run an MLflow version ModelGate does not support.</source>
        <translation>Der Server hat eine Antwort gesendet, die ModelGate nicht lesen kann: Das Feld „%1“ ist fehlerhaft. Möglicherweise läuft auf dem Server eine MLflow-Version, die ModelGate nicht unterstützt.</translation>
    </message>
    <message>
        <source>The workspace settings cannot be used: %1. Open Manage Workspaces… to correct them.</source>
        <translation>Die Einstellungen des Arbeitsbereichs sind nicht verwendbar: %1. Korrigieren Sie sie unter „Arbeitsbereiche verwalten…“.</translation>
    </message>
    <message>
        <source>Could not load the metric history for the chart.</source>
        <translation>Der Metrikverlauf für das Diagramm konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>Could not compare the two versions.</source>
        <translation>Die beiden Versionen konnten nicht verglichen werden.</translation>
    </message>
    <message>
        <source>Could not save the metric direction on the server.</source>
        <translation>Die Richtung der Metrik konnte nicht auf dem Server gespeichert werden.</translation>
    </message>
    <message>
        <source>Could not load the metric across the versions of this model.</source>
        <translation>Die Metrik konnte nicht für alle Versionen dieses Modells geladen werden.</translation>
    </message>
    <message>
        <source>The run or its metric no longer exists on the server (HTTP 404).</source>
        <translation>Der Run oder seine Metrik existiert nicht mehr auf dem Server (HTTP 404).</translation>
    </message>
    <message>
        <source>The baseline version or alias does not exist for this model (HTTP 404). Choose another baseline.</source>
        <translation>Die Vergleichsversion oder der Alias existiert für dieses Modell nicht (HTTP 404). Wählen Sie eine andere Vergleichsbasis.</translation>
    </message>
    <message>
        <source>Your account may read this model but not change it (HTTP 403). Ask an administrator of the MLflow server for EDIT permission on the model, or leave the directions to someone who has it.</source>
        <translation>Ihr Konto darf dieses Modell lesen, aber nicht ändern (HTTP 403). Bitten Sie einen Administrator des MLflow-Servers um die Berechtigung EDIT für das Modell oder überlassen Sie die Richtungen jemandem, der sie hat.</translation>
    </message>
    <message>
        <source>The directions cannot be stored: %1.</source>
        <translation>Die Richtungen können nicht gespeichert werden: %1.</translation>
    </message>
    <message>
        <source>Could not load the release trail of this model.</source>
        <translation>Der Prüfpfad dieses Modells konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>Could not create the release report.</source>
        <translation>Der Freigabebericht konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Could not load the release review of this version.</source>
        <translation>Die Freigabeprüfung dieser Version konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>The server did not accept the decision.</source>
        <translation>Der Server hat die Entscheidung nicht angenommen.</translation>
    </message>
    <message>
        <source>Could not repair the review tags of this version.</source>
        <translation>Die Prüf-Tags dieser Version konnten nicht repariert werden.</translation>
    </message>
    <message>
        <source>Could not save the release policy.</source>
        <translation>Die Freigaberichtlinie konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Could not load the versions waiting for review.</source>
        <translation>Die Versionen, die auf eine Prüfung warten, konnten nicht geladen werden.</translation>
    </message>
    <message>
        <source>Your account lacks a permission this needs (HTTP 403): %1. Ask an administrator of the MLflow server for it.</source>
        <translation>Ihrem Konto fehlt eine dafür nötige Berechtigung (HTTP 403): %1. Bitten Sie eine Administratorin oder einen Administrator des MLflow-Servers darum.</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
    <message>
        <source>The file cannot be written: %1.</source>
        <translation>Die Datei kann nicht geschrieben werden: %1.</translation>
    </message>
    <message>
        <source>The release rules do not allow it: %1</source>
        <translation>Die Freigaberegeln erlauben das nicht: %1</translation>
    </message>
    <message>
        <source>The server does not offer what this needs, so nothing was changed: %1</source>
        <translation>Der Server bietet nicht, was dafür nötig ist; daher wurde nichts geändert: %1</translation>
    </message>
    <message>
        <source>you are an author of this version, and a release needs a reviewer who is not (four-eyes rule).</source>
        <translation>Sie sind Autor dieser Version, und eine Freigabe braucht eine prüfende Person, die es nicht ist (Vier-Augen-Prinzip).</translation>
    </message>
    <message>
        <source>a required pre-check fails.</source>
        <translation>eine erforderliche Vorabprüfung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>another decision stands in the way, or the trail changed meanwhile. Refresh and look at the standing decisions.</source>
        <translation>eine andere Entscheidung steht dem entgegen, oder der Prüfpfad hat sich inzwischen geändert. Aktualisieren Sie und sehen Sie sich die gültigen Entscheidungen an.</translation>
    </message>
    <message>
        <source>you have no standing decision on this version to revoke.</source>
        <translation>Sie haben zu dieser Version keine gültige Entscheidung, die Sie widerrufen könnten.</translation>
    </message>
    <message>
        <source>the same decision of yours already stands.</source>
        <translation>dieselbe Entscheidung von Ihnen ist bereits gültig.</translation>
    </message>
    <message>
        <source>break-glass is not possible here: the policy does not allow it, or you are not an author of the version.</source>
        <translation>eine Notfallfreigabe ist hier nicht möglich: Die Richtlinie erlaubt es nicht, oder Sie sind nicht Autor der Version.</translation>
    </message>
    <message>
        <source>you are not enrolled as a reviewer. An administrator enrols you with “modelgate-cli audit grant”.</source>
        <translation>Sie sind nicht als Prüfer registriert. Eine Administratorin oder ein Administrator registriert Sie mit „modelgate-cli audit grant“.</translation>
    </message>
    <message>
        <source>the model&apos;s release trail is broken, and nothing is added to a broken trail.</source>
        <translation>der Prüfpfad des Modells ist beschädigt, und einem beschädigten Prüfpfad wird nichts hinzugefügt.</translation>
    </message>
    <message>
        <source>the workspace has no user name, and a decision must name its reviewer.</source>
        <translation>der Arbeitsbereich hat keinen Benutzernamen, und eine Entscheidung muss ihre prüfende Person nennen.</translation>
    </message>
    <message>
        <source>Could not read the endpoints.</source>
        <translation>Die Endpunkte konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not check whether the deployed versions are still approved.</source>
        <translation>Es konnte nicht geprüft werden, ob die bereitgestellten Versionen noch freigegeben sind.</translation>
    </message>
    <message>
        <source>The deployment was not made.</source>
        <translation>Die Bereitstellung wurde nicht vorgenommen.</translation>
    </message>
    <message>
        <source>The traffic split was not changed.</source>
        <translation>Die Traffic-Aufteilung wurde nicht geändert.</translation>
    </message>
    <message>
        <source>The endpoint was not rolled back.</source>
        <translation>Der Endpunkt wurde nicht zurückgesetzt.</translation>
    </message>
    <message>
        <source>The endpoint could not be restarted.</source>
        <translation>Der Endpunkt konnte nicht neu gestartet werden.</translation>
    </message>
    <message>
        <source>The deployment was not deleted.</source>
        <translation>Die Bereitstellung wurde nicht gelöscht.</translation>
    </message>
    <message>
        <source>Could not read the deployment&apos;s log.</source>
        <translation>Das Protokoll der Bereitstellung konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The scoring request got no answer.</source>
        <translation>Die Scoring-Anfrage blieb ohne Antwort.</translation>
    </message>
    <message>
        <source>Could not load the version&apos;s input example.</source>
        <translation>Das Eingabebeispiel der Version konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>The version has no saved input example (HTTP 404). Choose a CSV file instead.</source>
        <translation>Die Version hat kein gespeichertes Eingabebeispiel (HTTP 404). Wählen Sie stattdessen eine CSV-Datei.</translation>
    </message>
    <message>
        <source>The model or version no longer exists on the server (HTTP 404).</source>
        <translation>Das Modell oder die Version existiert auf dem Server nicht mehr (HTTP 404).</translation>
    </message>
    <message>
        <source>the version is not approved now (%1). Only an approved version gets traffic.</source>
        <translation>die Version ist derzeit nicht freigegeben (%1). Nur eine freigegebene Version erhält Traffic.</translation>
    </message>
    <message>
        <source>the release trail records no earlier split of this endpoint to go back to.</source>
        <translation>der Prüfpfad verzeichnet keine frühere Aufteilung dieses Endpunkts, zu der zurückgekehrt werden könnte.</translation>
    </message>
    <message>
        <source>the endpoint has no such deployment: %1.</source>
        <translation>der Endpunkt hat keine solche Bereitstellung: %1.</translation>
    </message>
    <message>
        <source>The deployment still has traffic (%1). Move its share to another deployment first.</source>
        <translation>Die Bereitstellung erhält noch Traffic (%1). Verschieben Sie ihren Anteil zuerst auf eine andere Bereitstellung.</translation>
    </message>
    <message>
        <source>The split is not valid (%1): every deployment of the endpoint is named once and the shares sum to 100 %.</source>
        <translation>Die Aufteilung ist ungültig (%1): Jede Bereitstellung des Endpunkts wird genau einmal genannt, und die Anteile ergeben zusammen 100 %.</translation>
    </message>
    <message>
        <source>An endpoint with this name exists already (%1). Choose it as an existing endpoint or pick another name.</source>
        <translation>Ein Endpunkt mit diesem Namen existiert bereits (%1). Wählen Sie ihn als vorhandenen Endpunkt oder einen anderen Namen.</translation>
    </message>
    <message>
        <source>The endpoint has a deployment with this name already (%1). Pick another name.</source>
        <translation>Der Endpunkt hat bereits eine Bereitstellung mit diesem Namen (%1). Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>It no longer exists (%1). Refresh the endpoints.</source>
        <translation>Es existiert nicht mehr (%1). Aktualisieren Sie die Endpunkte.</translation>
    </message>
    <message>
        <source>Could not read the endpoint&apos;s metrics.</source>
        <translation>Die Metriken des Endpunkts konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not check the endpoint&apos;s SLO rules.</source>
        <translation>Die SLO-Regeln des Endpunkts konnten nicht geprüft werden.</translation>
    </message>
    <message>
        <source>Could not read the endpoint&apos;s SLO rules.</source>
        <translation>Die SLO-Regeln des Endpunkts konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The SLO rules were not saved.</source>
        <translation>Die SLO-Regeln wurden nicht gespeichert.</translation>
    </message>
    <message>
        <source>This rule cannot be saved:</source>
        <translation>Diese Regel kann nicht gespeichert werden:</translation>
    </message>
    <message>
        <source>The load test did not run.</source>
        <translation>Der Lasttest wurde nicht ausgeführt.</translation>
    </message>
    <message>
        <source>the breach is in the release trail already, recorded by another watcher: %1.</source>
        <translation>die Verletzung steht bereits im Prüfpfad, vermerkt von einer anderen Überwachung: %1.</translation>
    </message>
    <message>
        <source>the limit must be 0 or more, and an error rule&apos;s limit (a percentage) at most 100.</source>
        <translation>der Grenzwert muss mindestens 0 sein, und der Grenzwert einer Fehlerregel (ein Prozentsatz) höchstens 100.</translation>
    </message>
    <message>
        <source>the window must be 10 seconds to 24 hours.</source>
        <translation>das Zeitfenster muss zwischen 10 Sekunden und 24 Stunden liegen.</translation>
    </message>
    <message>
        <source>the minimum number of requests must be 1 to 1,000,000.</source>
        <translation>die Mindestzahl an Anfragen muss zwischen 1 und 1.000.000 liegen.</translation>
    </message>
    <message>
        <source>the saved rules cannot be read (%1). The defaults are shown; saving replaces them.</source>
        <translation>die gespeicherten Regeln sind nicht lesbar (%1). Angezeigt werden die Standardregeln; Speichern ersetzt die Datei.</translation>
    </message>
    <message>
        <source>Could not open the Azure Machine Learning workspace.</source>
        <translation>Der Azure-Machine-Learning-Arbeitsbereich konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Azure has no such workspace (HTTP 404). Check the subscription, resource group and workspace name.</source>
        <translation>Azure kennt diesen Arbeitsbereich nicht (HTTP 404). Prüfen Sie Abonnement, Ressourcengruppe und Namen des Arbeitsbereichs.</translation>
    </message>
    <message>
        <source>Microsoft Entra ID refused the sign-in (%1): %2. Check the tenant, the client ID and the client secret of this workspace.</source>
        <translation>Microsoft Entra ID hat die Anmeldung abgelehnt (%1): %2. Prüfen Sie Mandant, Client-ID und geheimen Clientschlüssel dieses Arbeitsbereichs.</translation>
    </message>
    <message>
        <source>Azure did not accept the sign-in token (%1), and a new one was refused too. Sign in again (az login) or check the service principal&apos;s secret. Nothing was changed.</source>
        <translation>Azure hat das Anmeldetoken nicht angenommen (%1), und ein neues wurde ebenfalls abgelehnt. Melden Sie sich erneut an (az login) oder prüfen Sie den geheimen Schlüssel des Dienstprinzipals. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Your Azure identity has no role on this workspace that allows it (HTTP 403): %1</source>
        <translation>Ihre Azure-Identität hat keine Rolle in diesem Arbeitsbereich, die dies erlaubt (HTTP 403): %1</translation>
    </message>
    <message>
        <source>Azure could not start the deployment; it was removed again and nothing was recorded. %1</source>
        <translation>Azure konnte die Bereitstellung nicht starten; sie wurde wieder entfernt, und nichts wurde protokolliert. %1</translation>
    </message>
    <message>
        <source>Stopped waiting. Azure cannot cancel the operation: it goes on at Azure (%1). Refresh the endpoints to see how it ends.</source>
        <translation>Warten beendet. Azure kann den Vorgang nicht abbrechen: Er läuft bei Azure weiter (%1). Aktualisieren Sie die Endpunkte, um zu sehen, wie er endet.</translation>
    </message>
    <message>
        <source>Could not read where the endpoint&apos;s metrics come from.</source>
        <translation>Woher die Metriken des Endpunkts kommen, konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The metrics source was not saved.</source>
        <translation>Die Metrikquelle wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>the saved metrics source cannot be read (%1). Saving replaces it.</source>
        <translation>die gespeicherte Metrikquelle ist nicht lesbar (%1). Speichern ersetzt sie.</translation>
    </message>
</context>
<context>
    <name>MonitorText</name>
    <message>
        <source>Another watcher acted on it first: %1.</source>
        <translation>Eine andere Überwachung hat zuerst reagiert: %1.</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>Nicht vermerkt: %1</translation>
    </message>
    <message>
        <source>Not rolled back: %1</source>
        <translation>Nicht zurückgesetzt: %1</translation>
    </message>
    <message>
        <source>no rules</source>
        <translation>keine Regeln</translation>
    </message>
    <message>
        <source>Every rule is met or has too few requests to judge.</source>
        <translation>Jede Regel ist erfüllt oder hat zu wenige Anfragen für ein Urteil.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 Min.</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 Std.</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 Std.</translation>
    </message>
    <message>
        <source>errors (4xx + 5xx)</source>
        <translation>Fehler (4xx + 5xx)</translation>
    </message>
    <message>
        <source>server errors (5xx)</source>
        <translation>Serverfehler (5xx)</translation>
    </message>
    <message>
        <source>p95 latency</source>
        <translation>p95-Latenz</translation>
    </message>
    <message>
        <source>p99 latency</source>
        <translation>p99-Latenz</translation>
    </message>
    <message>
        <source>absolute</source>
        <translation>absolut</translation>
    </message>
    <message>
        <source>above the champion</source>
        <translation>über dem Champion</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>met</source>
        <translation>erfüllt</translation>
    </message>
    <message>
        <source>breached</source>
        <translation>verletzt</translation>
    </message>
    <message>
        <source>too few requests</source>
        <translation>zu wenige Anfragen</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>ohne Last</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ≤ %2</source>
        <translation>%1 ≤ %2</translation>
    </message>
    <message>
        <source>%1 ≤ champion + %2</source>
        <translation>%1 ≤ Champion + %2</translation>
    </message>
    <message>
        <source>%1 over %2 (at least %3 requests)</source>
        <translation>%1 über %2 (mindestens %3 Anfragen)</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>%1: %2 %3, allowed ≤ %4</source>
        <translation>%1: %2 %3, erlaubt ≤ %4</translation>
    </message>
    <message>
        <source> (champion %1: %2)</source>
        <translation> (Champion %1: %2)</translation>
    </message>
    <message numerus="yes">
        <source>, %n request(s) in %1</source>
        <translation>
            <numerusform>, %n Anfrage in %1</numerusform>
            <numerusform>, %n Anfragen in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2 → %3 % · %4</source>
        <translation>%1 %2 → %3 % · %4</translation>
    </message>
    <message>
        <source>%1 %2 · %3</source>
        <translation>%1 %2 · %3</translation>
    </message>
    <message>
        <source>%1 · %2 of %3 v%4 (%5) by %6, record %7</source>
        <translation>%1 · %2 von %3 v%4 (%5) durch %6, Eintrag %7</translation>
    </message>
    <message>
        <source>Split: %1 → %2</source>
        <translation>Aufteilung: %1 → %2</translation>
    </message>
    <message>
        <source>stale data</source>
        <translation>veraltete Daten</translation>
    </message>
    <message>
        <source>HAProxy&apos;s request log</source>
        <translation>Anfrageprotokoll von HAProxy</translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <source>Azure Monitor</source>
        <translation>Azure Monitor</translation>
    </message>
</context>
<context>
    <name>ReleaseReport</name>
    <message>
        <source>No values to draw</source>
        <translation>Keine Werte zum Zeichnen</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>%1 (candidate)</source>
        <translation>%1 (Kandidat)</translation>
    </message>
    <message>
        <source>%1 (champion)</source>
        <translation>%1 (Champion)</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>in Prüfung</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>stale (the content changed since the approval)</source>
        <translation>veraltet (der Inhalt hat sich seit der Freigabe geändert)</translation>
    </message>
    <message>
        <source>malformed</source>
        <translation>fehlerhaft</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>freigeben</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>ablehnen</translation>
    </message>
    <message>
        <source>revoke</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>better</source>
        <translation>besser</translation>
    </message>
    <message>
        <source>worse</source>
        <translation>schlechter</translation>
    </message>
    <message>
        <source>equal</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>same</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>%1 passed, %2 failed, %3 warnings</source>
        <translation>%1 bestanden, %2 fehlgeschlagen, %3 Warnungen</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Digest matches</source>
        <translation>Inhalts-Hash stimmt</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Zählt</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>BREAK-GLASS: %1</source>
        <translation>NOTFALLFREIGABE: %1</translation>
    </message>
    <message>
        <source>Comparison with the champion</source>
        <translation>Vergleich mit dem Champion</translation>
    </message>
    <message>
        <source>There is no champion to compare with (or this version is the champion).</source>
        <translation>Es gibt keinen Champion zum Vergleich (oder diese Version ist der Champion).</translation>
    </message>
    <message>
        <source>Version %1 against the champion, version %2.</source>
        <translation>Version %1 im Vergleich zum Champion, Version %2.</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <source>Champion</source>
        <translation>Champion</translation>
    </message>
    <message>
        <source>Delta</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Relative</source>
        <translation>Relativ</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Parameter changes</source>
        <translation>Geänderte Parameter</translation>
    </message>
    <message>
        <source>No parameter differs from the champion.</source>
        <translation>Kein Parameter weicht vom Champion ab.</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Signature changes</source>
        <translation>Änderungen an der Signatur</translation>
    </message>
    <message>
        <source>The signatures were not compared: %1</source>
        <translation>Die Signaturen wurden nicht verglichen: %1</translation>
    </message>
    <message>
        <source>The signature is unchanged.</source>
        <translation>Die Signatur ist unverändert.</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Teil</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Breaking</source>
        <translation>Inkompatibel</translation>
    </message>
    <message>
        <source>BREAKING</source>
        <translation>INKOMPATIBEL</translation>
    </message>
    <message>
        <source>Audit trail of the model</source>
        <translation>Prüfpfad des Modells</translation>
    </message>
    <message>
        <source>The model has no release records yet.</source>
        <translation>Für das Modell gibt es noch keine Freigabeeinträge.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Inhalts-Hash</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>Content digest</source>
        <translation>Inhalts-Hash</translation>
    </message>
    <message>
        <source>Digest of the version&apos;s content:</source>
        <translation>Inhalts-Hash der Version:</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>MLmodel SHA-256</source>
        <translation>SHA-256 der MLmodel-Datei</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>Größe (Bytes)</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Release report: %1, version %2</source>
        <translation>Freigabebericht: %1, Version %2</translation>
    </message>
    <message>
        <source>Generated %1 by %2 for %3.</source>
        <translation>Erstellt am %1 mit %2 für %3.</translation>
    </message>
    <message>
        <source>an anonymous user</source>
        <translation>einen anonymen Benutzer</translation>
    </message>
    <message>
        <source>APPROVED for release</source>
        <translation>FREIGEGEBEN</translation>
    </message>
    <message>
        <source>NOT APPROVED for release</source>
        <translation>NICHT FREIGEGEBEN</translation>
    </message>
    <message>
        <source>State: %1. Reason: %2</source>
        <translation>Status: %1. Grund: %2</translation>
    </message>
    <message numerus="yes">
        <source>The model&apos;s trail verifies (%n record(s)). Verified head hash:</source>
        <translation>
            <numerusform>Der Prüfpfad des Modells ist verifiziert (%n Eintrag). Verifizierter Kopf-Hash:</numerusform>
            <numerusform>Der Prüfpfad des Modells ist verifiziert (%n Einträge). Verifizierter Kopf-Hash:</numerusform>
        </translation>
    </message>
    <message>
        <source>The model&apos;s trail is BROKEN at record %1: %2</source>
        <translation>Der Prüfpfad des Modells ist bei Eintrag %1 BESCHÄDIGT: %2</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Aliasse</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Source run</source>
        <translation>Quelllauf</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Autoren</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <source>%1 standing, %2 required</source>
        <translation>%1 gültig, %2 erforderlich</translation>
    </message>
    <message>
        <source>Release policy</source>
        <translation>Freigaberichtlinie</translation>
    </message>
    <message>
        <source>from the model&apos;s tag</source>
        <translation>aus dem Tag des Modells</translation>
    </message>
    <message>
        <source>the default policy</source>
        <translation>die Standardrichtlinie</translation>
    </message>
    <message>
        <source>Tag mismatch: %1</source>
        <translation>Tag-Abweichung: %1</translation>
    </message>
    <message>
        <source>Policy problem: %1</source>
        <translation>Problem mit der Richtlinie: %1</translation>
    </message>
    <message>
        <source>Metric history</source>
        <translation>Metrikverlauf</translation>
    </message>
    <message>
        <source>No metric history to show.</source>
        <translation>Kein Metrikverlauf vorhanden.</translation>
    </message>
    <message>
        <source>Pre-checks</source>
        <translation>Vorabprüfungen</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Gemessen</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <source>A standing approval is a BREAK-GLASS self-approval by an author.</source>
        <translation>Eine der gültigen Freigaben ist eine Selbstfreigabe durch einen Autor (NOTFALLFREIGABE).</translation>
    </message>
    <message>
        <source>Standing approvals</source>
        <translation>Gültige Freigaben</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Keine.</translation>
    </message>
    <message>
        <source>Standing rejections</source>
        <translation>Gültige Ablehnungen</translation>
    </message>
    <message>
        <source>Digests and hashes are shortened to their first 12 characters.</source>
        <translation>Digests und Hashes sind auf ihre ersten 12 Zeichen gekürzt.</translation>
    </message>
    <message>
        <source>Logged once per run, so there is no history to draw: %1.</source>
        <translation>Nur einmal pro Lauf protokolliert, daher gibt es keinen Verlauf zu zeichnen: %1.</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1, Version %2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>deploy</source>
        <translation>Bereitstellung</translation>
    </message>
    <message>
        <source>traffic</source>
        <translation>Traffic</translation>
    </message>
    <message>
        <source>rollback</source>
        <translation>Rollback</translation>
    </message>
    <message>
        <source>undeploy</source>
        <translation>Entfernung</translation>
    </message>
    <message>
        <source>no deployment</source>
        <translation>keine Bereitstellung</translation>
    </message>
    <message>
        <source>Endpoint %1 (%2), deployment %3: %4 → %5</source>
        <translation>Endpunkt %1 (%2), Bereitstellung %3: %4 → %5</translation>
    </message>
    <message>
        <source>SLO breach</source>
        <translation>SLO-Verletzung</translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Webseite (*.html)</translation>
    </message>
    <message>
        <source>Export Release Report</source>
        <translation>Freigabebericht exportieren</translation>
    </message>
    <message>
        <source>Collecting the evidence, checks and trail of %1 version %2…</source>
        <translation>Nachweise, Vorabprüfungen und Prüfpfad von %1, Version %2 werden gesammelt…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The release report was written to %1.</source>
        <translation>Der Freigabebericht wurde nach %1 geschrieben.</translation>
    </message>
    <message>
        <source>Open Report</source>
        <translation>Bericht öffnen</translation>
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
        <translation>kein kanonischer Eintrag (sein Text wurde bearbeitet, oder es ist gar kein Eintrag)</translation>
    </message>
    <message>
        <source>missing, while later records exist</source>
        <translation>fehlt, obwohl spätere Einträge existieren</translation>
    </message>
    <message>
        <source>its sequence number differs from its key</source>
        <translation>seine laufende Nummer weicht von seinem Schlüssel ab</translation>
    </message>
    <message>
        <source>it does not link to the hash of the record before it</source>
        <translation>er verweist nicht auf den Hash des vorigen Eintrags</translation>
    </message>
    <message>
        <source>it names another model</source>
        <translation>er nennt ein anderes Modell</translation>
    </message>
    <message>
        <source>it is not signed by the reviewer it names</source>
        <translation>er ist nicht von dem Prüfer signiert, den er nennt</translation>
    </message>
    <message>
        <source>the reviewer it names is not enrolled</source>
        <translation>der Prüfer, den er nennt, ist nicht registriert</translation>
    </message>
    <message>
        <source>not a valid decision at that point (for example a revoke without a standing decision)</source>
        <translation>an dieser Stelle keine gültige Entscheidung (zum Beispiel ein Widerruf ohne gültige Entscheidung)</translation>
    </message>
    <message>
        <source>%1 is “%2”, but the trail has no record of this version</source>
        <translation>%1 ist „%2“, aber der Prüfpfad enthält keinen Eintrag zu dieser Version</translation>
    </message>
    <message>
        <source>%1 is missing (the trail says “%2”)</source>
        <translation>%1 fehlt (laut Prüfpfad „%2“)</translation>
    </message>
    <message>
        <source>%1 is “%2”, the trail says “%3”</source>
        <translation>%1 ist „%2“, laut Prüfpfad „%3“</translation>
    </message>
    <message>
        <source>the release trail is broken at record %1: %2</source>
        <translation>der Prüfpfad ist bei Eintrag %1 beschädigt: %2</translation>
    </message>
    <message numerus="yes">
        <source>no decision yet; %n approval(s) needed</source>
        <translation>
            <numerusform>noch keine Entscheidung; %n Freigabe nötig</numerusform>
            <numerusform>noch keine Entscheidung; %n Freigaben nötig</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 approvals (by %3)</source>
        <translation>%1 von %2 Freigaben (von %3)</translation>
    </message>
    <message>
        <source>rejected by %1</source>
        <translation>abgelehnt von %1</translation>
    </message>
    <message>
        <source>the content changed after it was approved; it needs approving again</source>
        <translation>der Inhalt hat sich nach der Freigabe geändert; sie muss erneut freigegeben werden</translation>
    </message>
    <message>
        <source>the version&apos;s review tags do not match the trail</source>
        <translation>die Prüf-Tags der Version stimmen nicht mit dem Prüfpfad überein</translation>
    </message>
    <message>
        <source>the model&apos;s release policy tag does not match the trail</source>
        <translation>das Richtlinien-Tag des Modells stimmt nicht mit dem Prüfpfad überein</translation>
    </message>
    <message>
        <source>approved by %1 (BREAK-GLASS)</source>
        <translation>freigegeben von %1 (NOTFALLFREIGABE)</translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation>freigegeben von %1</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::AuditTrailModel</name>
    <message>
        <source>malformed</source>
        <translation>fehlerhaft</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>freigeben</translation>
    </message>
    <message>
        <source>approve (break-glass)</source>
        <translation>freigeben (Notfallfreigabe)</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>ablehnen</translation>
    </message>
    <message>
        <source>revoke #%1</source>
        <translation>#%1 widerrufen</translation>
    </message>
    <message>
        <source>revoke</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>%1 passed, %2 failed, %3 warnings</source>
        <translation>%1 bestanden, %2 fehlgeschlagen, %3 Warnungen</translation>
    </message>
    <message>
        <source>Not verified: an earlier record is broken.</source>
        <translation>Nicht verifiziert: Ein früherer Eintrag ist beschädigt.</translation>
    </message>
    <message>
        <source>Break-glass approval by an author: %1</source>
        <translation>Notfallfreigabe durch einen Autor: %1</translation>
    </message>
    <message>
        <source>N</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Vorabprüfungen</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Inhalts-Hash</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>deploy %1</source>
        <translation>Bereitstellung %1</translation>
    </message>
    <message>
        <source>traffic %1</source>
        <translation>Traffic %1</translation>
    </message>
    <message>
        <source>rollback %1</source>
        <translation>Rollback %1</translation>
    </message>
    <message>
        <source>undeploy %1</source>
        <translation>Entfernung %1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>no deployment</source>
        <translation>keine Bereitstellung</translation>
    </message>
    <message>
        <source>split %1 → %2</source>
        <translation>Aufteilung %1 → %2</translation>
    </message>
    <message>
        <source>SLO breach %1</source>
        <translation>SLO-Verletzung %1</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::AuditTrailView</name>
    <message>
        <source>Loading and verifying the release trail of %1…</source>
        <translation>Prüfpfad von %1 wird geladen und verifiziert…</translation>
    </message>
    <message>
        <source>Choose a model to see its release trail.</source>
        <translation>Wählen Sie ein Modell, um seinen Prüfpfad zu sehen.</translation>
    </message>
    <message>
        <source>The release trail has not been loaded.</source>
        <translation>Der Prüfpfad wurde nicht geladen.</translation>
    </message>
    <message>
        <source>No release records for %1 yet.</source>
        <translation>Für %1 gibt es noch keine Freigabeeinträge.</translation>
    </message>
    <message numerus="yes">
        <source>Verified · %n record(s) · head %1</source>
        <translation>
            <numerusform>Verifiziert · %n Eintrag · Kopf-Hash %1</numerusform>
            <numerusform>Verifiziert · %n Einträge · Kopf-Hash %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Broken at record %1: %2</source>
        <translation>Beschädigt bei Eintrag %1: %2</translation>
    </message>
    <message>
        <source>Select a record to see its details.</source>
        <translation>Wählen Sie einen Eintrag, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Not verified: an earlier record is broken.</source>
        <translation>Nicht verifiziert: Ein früherer Eintrag ist beschädigt.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Stored text</source>
        <translation>Gespeicherter Text</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Autoren</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Break-glass reason</source>
        <translation>Begründung der Notfallfreigabe</translation>
    </message>
    <message>
        <source>Revokes record</source>
        <translation>Widerruft Eintrag</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Vorabprüfungen</translation>
    </message>
    <message>
        <source>%1 passed, %2 failed, %3 warnings</source>
        <translation>%1 bestanden, %2 fehlgeschlagen, %3 Warnungen</translation>
    </message>
    <message>
        <source>Content digest</source>
        <translation>Inhalts-Hash</translation>
    </message>
    <message>
        <source>Policy hash</source>
        <translation>Richtlinien-Hash</translation>
    </message>
    <message>
        <source>Previous hash</source>
        <translation>Vorheriger Hash</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>Copy Head Hash</source>
        <translation>Kopf-Hash kopieren</translation>
    </message>
    <message>
        <source>Copy the verified head hash, e.g. to anchor it in a pipeline log</source>
        <translation>Den verifizierten Kopf-Hash kopieren, z. B. um ihn in einem Pipeline-Log festzuhalten</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read and verify the trail again (%1)</source>
        <translation>Prüfpfad erneut lesen und verifizieren (%1)</translation>
    </message>
    <message>
        <source>The hash of the last record of the verified trail</source>
        <translation>Der Hash des letzten Eintrags im verifizierten Prüfpfad</translation>
    </message>
    <message numerus="yes">
        <source>the review tags of version(s) %1 differ from the records</source>
        <translation>
            <numerusform>die Prüf-Tags der Version %1 weichen von den Einträgen ab</numerusform>
            <numerusform>die Prüf-Tags der Versionen %1 weichen von den Einträgen ab</numerusform>
        </translation>
    </message>
    <message>
        <source>the policy tag differs from the records</source>
        <translation>das Richtlinien-Tag weicht von den Einträgen ab</translation>
    </message>
    <message numerus="yes">
        <source>Not consistent: %1 · %n record(s) verified</source>
        <translation>
            <numerusform>Nicht konsistent: %1 · %n Eintrag geprüft</numerusform>
            <numerusform>Nicht konsistent: %1 · %n Einträge geprüft</numerusform>
        </translation>
    </message>
    <message>
        <source>Version %1: %2</source>
        <translation>Version %1: %2</translation>
    </message>
    <message>
        <source>Release policy: %1</source>
        <translation>Freigaberichtlinie: %1</translation>
    </message>
    <message>
        <source>The records themselves are intact: %1 rewrites the tags from them.</source>
        <translation>Die Einträge selbst sind unversehrt: %1 schreibt die Tags aus ihnen neu.</translation>
    </message>
    <message>
        <source>The review tags of version %1 do not match the trail:</source>
        <translation>Die Prüf-Tags der Version %1 passen nicht zum Prüfpfad:</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::AzureWorkspaceForm</name>
    <message>
        <source>Azure CLI (az login)</source>
        <translation>Azure CLI (az login)</translation>
    </message>
    <message>
        <source>Service principal (client secret)</source>
        <translation>Dienstprinzipal (geheimer Clientschlüssel)</translation>
    </message>
    <message>
        <source>Tenant ID:</source>
        <translation>Mandanten-ID:</translation>
    </message>
    <message>
        <source>Client ID:</source>
        <translation>Client-ID:</translation>
    </message>
    <message>
        <source>Client secret:</source>
        <translation>Geheimer Clientschlüssel:</translation>
    </message>
    <message>
        <source>Cloud (change for sovereign clouds only)</source>
        <translation>Cloud (nur für souveräne Clouds ändern)</translation>
    </message>
    <message>
        <source>ARM base URL:</source>
        <translation>ARM-Basis-URL:</translation>
    </message>
    <message>
        <source>API version:</source>
        <translation>API-Version:</translation>
    </message>
    <message>
        <source>Authority host:</source>
        <translation>Autoritätshost:</translation>
    </message>
    <message>
        <source>Subscription ID:</source>
        <translation>Abonnement-ID:</translation>
    </message>
    <message>
        <source>Resource group:</source>
        <translation>Ressourcengruppe:</translation>
    </message>
    <message>
        <source>Workspace:</source>
        <translation>Arbeitsbereich:</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation>Anmelden mit:</translation>
    </message>
    <message>
        <source>Enter the subscription ID, resource group, workspace and region of the Azure ML workspace.</source>
        <translation>Geben Sie Abonnement-ID, Ressourcengruppe, Arbeitsbereich und Region des Azure-ML-Arbeitsbereichs ein.</translation>
    </message>
    <message>
        <source>Enter the tenant ID and client ID of the service principal.</source>
        <translation>Geben Sie Mandanten-ID und Client-ID des Dienstprinzipals ein.</translation>
    </message>
    <message>
        <source>The Azure settings are not usable: %1.</source>
        <translation>Die Azure-Einstellungen sind nicht verwendbar: %1.</translation>
    </message>
    <message>
        <source>The client secret is kept in the system keychain; without one there, ModelGate uses AZURE_CLIENT_SECRET.</source>
        <translation>Der geheime Clientschlüssel wird im Schlüsselbund des Systems gespeichert; ist dort keiner, verwendet ModelGate AZURE_CLIENT_SECRET.</translation>
    </message>
    <message>
        <source>ModelGate asks the Azure CLI for a token (“az account get-access-token”); sign in with “az login” first. Tokens stay in memory only.</source>
        <translation>ModelGate holt ein Token von der Azure CLI („az account get-access-token“); melden Sie sich zuerst mit „az login“ an. Tokens bleiben nur im Arbeitsspeicher.</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::BreachBanner</name>
    <message>
        <source>Roll Back Now</source>
        <translation>Jetzt zurücksetzen</translation>
    </message>
    <message>
        <source>Restore the split before the endpoint&apos;s last change of split; recorded in the release trail</source>
        <translation>Die Aufteilung vor der letzten Änderung der Aufteilung des Endpunkts wiederherstellen; wird im Prüfpfad vermerkt</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>SLO breach at %1: %2 (%3 v%4)</source>
        <translation>SLO-Verletzung um %1: %2 (%3 v%4)</translation>
    </message>
    <message>
        <source>SLO breach at %1: %2 (%3 v%4) broke “%5”</source>
        <translation>SLO-Verletzung um %1: %2 (%3 v%4) verletzt „%5“</translation>
    </message>
    <message>
        <source>Measured: %1</source>
        <translation>Gemessen: %1</translation>
    </message>
    <message>
        <source>Recorded in the release trail by %1.</source>
        <translation>Im Prüfpfad vermerkt von %1.</translation>
    </message>
    <message>
        <source>Rolled back automatically by %1 at %2.</source>
        <translation>Automatisch zurückgesetzt von %1 um %2.</translation>
    </message>
    <message>
        <source>Rolled back by %1 at %2.</source>
        <translation>Zurückgesetzt von %1 um %2.</translation>
    </message>
    <message>
        <source>It still serves its share: roll it back now, or change the split.</source>
        <translation>Sie erhält weiterhin ihren Anteil: Setzen Sie jetzt zurück oder ändern Sie die Aufteilung.</translation>
    </message>
    <message>
        <source>The record says: “%1”</source>
        <translation>Der Eintrag lautet: „%1“</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::CheckListModel</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Gemessen</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::ComparisonView</name>
    <message>
        <source>Compare with &amp;baseline:</source>
        <translation>Vergleichen mit &amp;Basis:</translation>
    </message>
    <message>
        <source>Right-click a metric to set whether higher or lower values are better.</source>
        <translation>Rechtsklick auf eine Metrik legt fest, ob höhere oder niedrigere Werte besser sind.</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>Show &amp;unchanged</source>
        <translation>&amp;Unveränderte zeigen</translation>
    </message>
    <message>
        <source>Unchanged parameters and tags are dimmed; untick to hide them.</source>
        <translation>Unveränderte Parameter und Tags sind abgeblendet; abwählen, um sie auszublenden.</translation>
    </message>
    <message>
        <source>Select a model version to compare it with the champion or another version.</source>
        <translation>Wählen Sie eine Modellversion, um sie mit dem Champion oder einer anderen Version zu vergleichen.</translation>
    </message>
    <message>
        <source>Loading the comparison…</source>
        <translation>Vergleich wird geladen …</translation>
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
        <translation>Das Laden des Vergleichs wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Comparing v%1 with %2…</source>
        <translation>v%1 wird mit %2 verglichen …</translation>
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
        <translation>Parameter (%1 geändert)</translation>
    </message>
    <message>
        <source>Tags (%1 changed)</source>
        <translation>Tags (%1 geändert)</translation>
    </message>
    <message>
        <source>Signature ⚠ breaking</source>
        <translation>Signatur ⚠ inkompatibel</translation>
    </message>
    <message numerus="yes">
        <source>%n metric(s) better</source>
        <translation>
            <numerusform>%n Metrik besser</numerusform>
            <numerusform>%n Metriken besser</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n worse</source>
        <translation>
            <numerusform>%n schlechter</numerusform>
            <numerusform>%n schlechter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n equal</source>
        <translation>
            <numerusform>%n gleich</numerusform>
            <numerusform>%n gleich</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (candidate) against %2 (baseline): %3</source>
        <translation>%1 (Kandidat) gegen %2 (Basis): %3</translation>
    </message>
    <message>
        <source>the signature has breaking changes</source>
        <translation>die Signatur hat inkompatible Änderungen</translation>
    </message>
    <message>
        <source>Candidate: %1</source>
        <translation>Kandidat: %1</translation>
    </message>
    <message>
        <source>Baseline: %1</source>
        <translation>Basis: %1</translation>
    </message>
    <message>
        <source>Direction of %1</source>
        <translation>Richtung von %1</translation>
    </message>
    <message>
        <source>Higher Is Better</source>
        <translation>Höher ist besser</translation>
    </message>
    <message>
        <source>Lower Is Better</source>
        <translation>Niedriger ist besser</translation>
    </message>
    <message>
        <source>Neither (No Verdict)</source>
        <translation>Keine (ohne Bewertung)</translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation>Standard (%1)</translation>
    </message>
    <message>
        <source>Saving the direction of %1…</source>
        <translation>Richtung von %1 wird gespeichert …</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::DecisionArea</name>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>Ableh&amp;nen</translation>
    </message>
    <message>
        <source>Re&amp;voke My Decision</source>
        <translation>Meine Entscheidung &amp;widerrufen</translation>
    </message>
    <message>
        <source>Break Glass…</source>
        <translation>Notfallfreigabe…</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Discard Draft</source>
        <translation>Entwurf &amp;verwerfen</translation>
    </message>
    <message>
        <source>Repair &amp;Tags</source>
        <translation>&amp;Tags reparieren</translation>
    </message>
    <message>
        <source>Your comment (required): what you looked at and why you decide this way.</source>
        <translation>Ihr Kommentar (erforderlich): Was haben Sie sich angesehen, und warum entscheiden Sie so?</translation>
    </message>
    <message>
        <source>Approve this version (Ctrl+Return)</source>
        <translation>Diese Version freigeben (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Withdraw your standing approval or rejection of this version.</source>
        <translation>Ihre gültige Freigabe oder Ablehnung dieser Version widerrufen.</translation>
    </message>
    <message>
        <source>Approve your own version with a written reason. The policy allows it; the record and every report mark it.</source>
        <translation>Die eigene Version mit schriftlicher Begründung freigeben. Die Richtlinie erlaubt das; der Eintrag und jeder Bericht kennzeichnen es.</translation>
    </message>
    <message>
        <source>Rewrite the version&apos;s review tags from the release trail.</source>
        <translation>Die Prüf-Tags der Version aus dem Prüfpfad neu schreiben.</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Kommentar:</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>The comment is too long; the trail keeps at most %1 characters.</source>
        <translation>Der Kommentar ist zu lang; der Prüfpfad speichert höchstens %1 Zeichen.</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::DeployWizard</name>
    <message>
        <source>New Deployment</source>
        <translation>Neue Bereitstellung</translation>
    </message>
    <message>
        <source>Deploy %1 v%2</source>
        <translation>%1 v%2 bereitstellen</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::DeploymentTableModel</name>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>NOT approved</source>
        <translation>NICHT freigegeben</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>This version is no longer approved: %1. It keeps serving its share, but gets no more traffic.</source>
        <translation>Diese Version ist nicht mehr freigegeben: %1. Sie bedient ihren Anteil weiter, erhält aber keinen zusätzlichen Traffic.</translation>
    </message>
    <message>
        <source>Checking the release trail…</source>
        <translation>Prüfpfad wird geprüft…</translation>
    </message>
    <message>
        <source>Its own scoring server: %1</source>
        <translation>Ihr eigener Scoring-Server: %1</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Bereitstellung</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Traffic</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::EndpointChoicePage</name>
    <message>
        <source>Existing endpoint:</source>
        <translation>Vorhandener Endpunkt:</translation>
    </message>
    <message>
        <source>New endpoint:</source>
        <translation>Neuer Endpunkt:</translation>
    </message>
    <message>
        <source>Production: reaching 100 % here moves the champion alias</source>
        <translation>Produktion: Bei 100 % hier wird der Champion-Alias verschoben</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Choose where the version serves predictions. Only an approved version can be deployed: the release gate is checked again when the deployment starts.</source>
        <translation>Wählen Sie, wo die Version Vorhersagen liefert. Nur eine freigegebene Version kann bereitgestellt werden: Die Freigabe wird beim Start der Bereitstellung erneut geprüft.</translation>
    </message>
    <message>
        <source>registered model name</source>
        <translation>Name des registrierten Modells</translation>
    </message>
    <message>
        <source>version number</source>
        <translation>Versionsnummer</translation>
    </message>
    <message>
        <source>e.g. diabetes-online</source>
        <translation>z. B. diabetes-online</translation>
    </message>
    <message>
        <source>Names: 1 to 32 of a–z, 0–9 and “-”, starting with a letter.</source>
        <translation>Namen: 1 bis 32 Zeichen aus a–z, 0–9 und „-“, beginnend mit einem Buchstaben.</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Deployment name:</source>
        <translation>Name der Bereitstellung:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Name the model and the version to deploy.</source>
        <translation>Nennen Sie das Modell und die Version, die bereitgestellt werden sollen.</translation>
    </message>
    <message>
        <source>The endpoint name is not valid.</source>
        <translation>Der Name des Endpunkts ist ungültig.</translation>
    </message>
    <message>
        <source>An endpoint with this name exists already: choose it above.</source>
        <translation>Ein Endpunkt mit diesem Namen existiert bereits: Wählen Sie ihn oben aus.</translation>
    </message>
    <message>
        <source>The deployment name is not valid.</source>
        <translation>Der Name der Bereitstellung ist ungültig.</translation>
    </message>
    <message>
        <source>The endpoint has a deployment with this name already.</source>
        <translation>Der Endpunkt hat bereits eine Bereitstellung mit diesem Namen.</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::EndpointListModel</name>
    <message>
        <source>no deployment</source>
        <translation>keine Bereitstellung</translation>
    </message>
    <message>
        <source>%1 %2 %</source>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <source>Production endpoint: reaching 100 % here moves the model&apos;s champion alias.</source>
        <translation>Produktions-Endpunkt: Bei 100 % hier wird der Champion-Alias des Modells verschoben.</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Scoring URI</source>
        <translation>Scoring-URI</translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation>Bereitstellungen</translation>
    </message>
    <message>
        <source>Traffic split</source>
        <translation>Traffic-Aufteilung</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Requests per second over the last 5 minutes</source>
        <translation>Anfragen pro Sekunde in den letzten 5 Minuten</translation>
    </message>
    <message>
        <source>Requests (5 min)</source>
        <translation>Anfragen (5 Min.)</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>SLO</source>
        <translation>SLO</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::EndpointMonitorView</name>
    <message>
        <source>Last %1</source>
        <translation>Letzte %1</translation>
    </message>
    <message>
        <source>The span of time the charts show (Alt+1, Alt+2, Alt+3)</source>
        <translation>Der Zeitraum, den die Diagramme zeigen (Alt+1, Alt+2, Alt+3)</translation>
    </message>
    <message>
        <source>p50 latency</source>
        <translation>p50-Latenz</translation>
    </message>
    <message>
        <source>p95 latency</source>
        <translation>p95-Latenz</translation>
    </message>
    <message>
        <source>p99 latency</source>
        <translation>p99-Latenz</translation>
    </message>
    <message>
        <source>The latency percentile the latency chart shows</source>
        <translation>Das Latenz-Perzentil, das das Latenzdiagramm zeigt</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop redrawing the charts; the data is still collected (Ctrl+Shift+P)</source>
        <translation>Die Diagramme nicht mehr neu zeichnen; die Daten werden weiter gesammelt (Strg+Umschalt+P)</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG exportieren…</translation>
    </message>
    <message>
        <source>Save the four charts as an image (Ctrl+Shift+I)</source>
        <translation>Die vier Diagramme als Bild speichern (Strg+Umschalt+I)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Save every point of the window: time, deployment, every metric (Ctrl+Shift+D)</source>
        <translation>Jeden Punkt des Zeitraums speichern: Zeit, Bereitstellung, jede Metrik (Strg+Umschalt+D)</translation>
    </message>
    <message>
        <source>SLO Rules…</source>
        <translation>SLO-Regeln…</translation>
    </message>
    <message>
        <source>The endpoint&apos;s service-level rules and automatic rollback (Ctrl+Shift+L)</source>
        <translation>Die Service-Level-Regeln des Endpunkts und das automatische Zurücksetzen (Strg+Umschalt+L)</translation>
    </message>
    <message>
        <source>Load Test…</source>
        <translation>Lasttest…</translation>
    </message>
    <message>
        <source>Send requests at a fixed rate and watch the endpoint answer (Ctrl+Shift+T)</source>
        <translation>Anfragen mit fester Rate senden und dem Endpunkt beim Antworten zusehen (Strg+Umschalt+T)</translation>
    </message>
    <message>
        <source>Requests per second</source>
        <translation>Anfragen pro Sekunde</translation>
    </message>
    <message>
        <source>req/s</source>
        <translation>Anfr./s</translation>
    </message>
    <message>
        <source>errors/s</source>
        <translation>Fehler/s</translation>
    </message>
    <message>
        <source>Latency (%1, measured by HAProxy)</source>
        <translation>Latenz (%1, von HAProxy gemessen)</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>no deployment</source>
        <translation>keine Bereitstellung</translation>
    </message>
    <message>
        <source>%1 4xx</source>
        <translation>%1 4xx</translation>
    </message>
    <message>
        <source>%1 5xx</source>
        <translation>%1 5xx</translation>
    </message>
    <message>
        <source>%1 CPU</source>
        <translation>%1 CPU</translation>
    </message>
    <message>
        <source>%1 memory</source>
        <translation>%1 Speicher</translation>
    </message>
    <message>
        <source>Choose an endpoint to see its live charts.</source>
        <translation>Wählen Sie einen Endpunkt, um seine Live-Diagramme zu sehen.</translation>
    </message>
    <message>
        <source>This target has no metrics source: its endpoints cannot be charted.</source>
        <translation>Dieses Ziel hat keine Metrikquelle: Seine Endpunkte können nicht dargestellt werden.</translation>
    </message>
    <message>
        <source>Paused: the data is still collected; Resume (Ctrl+Shift+P) shows it.</source>
        <translation>Angehalten: Die Daten werden weiter gesammelt; „Fortsetzen“ (Strg+Umschalt+P) zeigt sie.</translation>
    </message>
    <message>
        <source>Live, redrawn at most twice a second.</source>
        <translation>Live, höchstens zweimal pro Sekunde neu gezeichnet.</translation>
    </message>
    <message>
        <source>Newest request: %1.</source>
        <translation>Neueste Anfrage: %1.</translation>
    </message>
    <message>
        <source>No request yet.</source>
        <translation>Noch keine Anfrage.</translation>
    </message>
    <message>
        <source>SLO breach on %1</source>
        <translation>SLO-Verletzung auf %1</translation>
    </message>
    <message>
        <source>rolled back from the console after an SLO breach of %1</source>
        <translation>nach einer SLO-Verletzung von %1 in der Konsole zurückgesetzt</translation>
    </message>
    <message>
        <source>The image could not be written to %1.</source>
        <translation>Das Bild konnte nicht nach %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>No endpoint is shown.</source>
        <translation>Es wird kein Endpunkt angezeigt.</translation>
    </message>
    <message>
        <source>Export Charts</source>
        <translation>Diagramme exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Export Data</source>
        <translation>Daten exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>The data could not be written: %1</source>
        <translation>Die Daten konnten nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>SLO rules (%1): %2; a breaching canary is rolled back automatically.</source>
        <translation>SLO-Regeln (%1): %2; ein Canary, der sie verletzt, wird automatisch zurückgesetzt.</translation>
    </message>
    <message>
        <source>SLO rules (%1): %2.</source>
        <translation>SLO-Regeln (%1): %2.</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU-%</translation>
    </message>
    <message>
        <source>4xx and 5xx errors (5xx dashed)</source>
        <translation>4xx- und 5xx-Fehler (5xx gestrichelt)</translation>
    </message>
    <message>
        <source>CPU, memory dotted · since %1</source>
        <translation>CPU, Speicher gepunktet · seit %1</translation>
    </message>
    <message>
        <source>CPU, memory dotted</source>
        <translation>CPU, Speicher gepunktet</translation>
    </message>
    <message>
        <source>Metrics Source…</source>
        <translation>Metrikquelle …</translation>
    </message>
    <message>
        <source>Where the endpoint&apos;s metrics come from: the target&apos;s own source or Prometheus (Ctrl+Shift+U)</source>
        <translation>Woher die Metriken des Endpunkts kommen: die eigene Quelle des Ziels oder Prometheus (Strg+Umschalt+U)</translation>
    </message>
    <message>
        <source>Stale: %1 has no current data for this endpoint; its rules get no verdict.</source>
        <translation>Veraltet: %1 hat keine aktuellen Daten für diesen Endpunkt; seine Regeln erhalten kein Urteil.</translation>
    </message>
    <message>
        <source>Stale: the newest data from %1 is %2 old; rules over a shorter window get no verdict.</source>
        <translation>Veraltet: Die neuesten Daten von %1 sind %2 alt; Regeln über ein kürzeres Fenster erhalten kein Urteil.</translation>
    </message>
    <message>
        <source>Data from %1 until %2 (%3 old).</source>
        <translation>Daten von %1 bis %2 (%3 alt).</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::EndpointsPage</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the endpoints and their health again (F5)</source>
        <translation>Endpunkte und ihren Zustand neu lesen (F5)</translation>
    </message>
    <message>
        <source>New Deployment…</source>
        <translation>Neue Bereitstellung…</translation>
    </message>
    <message>
        <source>Deploy an approved model version to an endpoint, step by step</source>
        <translation>Eine freigegebene Modellversion Schritt für Schritt auf einem Endpunkt bereitstellen</translation>
    </message>
    <message>
        <source>Set Traffic…</source>
        <translation>Traffic festlegen…</translation>
    </message>
    <message>
        <source>Roll Back</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Restore the split before the endpoint&apos;s last change of split</source>
        <translation>Die Aufteilung vor der letzten Änderung der Aufteilung des Endpunkts wiederherstellen</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Start again whatever of the endpoint is not running, with its split</source>
        <translation>Alles am Endpunkt, was nicht läuft, mit seiner Aufteilung neu starten</translation>
    </message>
    <message>
        <source>Delete Deployment</source>
        <translation>Bereitstellung löschen</translation>
    </message>
    <message>
        <source>Stop and remove the selected deployment (only without traffic)</source>
        <translation>Die gewählte Bereitstellung anhalten und entfernen (nur ohne Traffic)</translation>
    </message>
    <message>
        <source>Refresh Log</source>
        <translation>Protokoll aktualisieren</translation>
    </message>
    <message>
        <source>Reading the endpoints…</source>
        <translation>Endpunkte werden gelesen…</translation>
    </message>
    <message>
        <source>No endpoint yet</source>
        <translation>Noch kein Endpunkt</translation>
    </message>
    <message>
        <source>No endpoint selected</source>
        <translation>Kein Endpunkt ausgewählt</translation>
    </message>
    <message>
        <source>Deploy an approved version with New Deployment… to create one.</source>
        <translation>Stellen Sie mit „Neue Bereitstellung…“ eine freigegebene Version bereit, um einen anzulegen.</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>%1 (production)</source>
        <translation>%1 (Produktion)</translation>
    </message>
    <message>
        <source>Scoring URI: %1/invocations</source>
        <translation>Scoring-URI: %1/invocations</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Restart brings back what is not running, with the split it had.</source>
        <translation>„Neu starten“ bringt zurück, was nicht läuft, mit der bisherigen Aufteilung.</translation>
    </message>
    <message>
        <source>Log of %1 (last %2 lines)</source>
        <translation>Protokoll von %1 (letzte %2 Zeilen)</translation>
    </message>
    <message>
        <source>%1 has %2 % of the traffic: move it to another deployment first.</source>
        <translation>%1 erhält %2 % des Traffics: Verschieben Sie ihn zuerst auf eine andere Bereitstellung.</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>Setting the traffic of %1…</source>
        <translation>Traffic von %1 wird festgelegt…</translation>
    </message>
    <message>
        <source>Looking up the split to go back to…</source>
        <translation>Aufteilung für das Zurücksetzen wird ermittelt…</translation>
    </message>
    <message>
        <source>Roll %1 back to the split recorded in %2?

Now: %3
After: %4

The rollback is recorded in the release trail.</source>
        <translation>%1 auf die in %2 vermerkte Aufteilung zurücksetzen?

Jetzt: %3
Danach: %4

Das Zurücksetzen wird im Prüfpfad vermerkt.</translation>
    </message>
    <message>
        <source>Rolling %1 back…</source>
        <translation>%1 wird zurückgesetzt…</translation>
    </message>
    <message>
        <source>Restarting %1…</source>
        <translation>%1 wird neu gestartet…</translation>
    </message>
    <message>
        <source>%1 was restarted.</source>
        <translation>%1 wurde neu gestartet.</translation>
    </message>
    <message>
        <source>Stop and remove %1 from %2? It has no traffic; the removal is recorded in the release trail. A rollback cannot bring it back.</source>
        <translation>%1 auf %2 anhalten und entfernen? Sie erhält keinen Traffic; die Entfernung wird im Prüfpfad vermerkt. Ein Zurücksetzen kann sie nicht zurückbringen.</translation>
    </message>
    <message>
        <source>Deleting %1…</source>
        <translation>%1 wird gelöscht…</translation>
    </message>
    <message>
        <source>Hide health checks</source>
        <translation>Health-Checks ausblenden</translation>
    </message>
    <message>
        <source>HAProxy checks every deployment&apos;s /ping every 2 seconds; its scoring server logs each check.</source>
        <translation>HAProxy fragt alle 2 Sekunden /ping jedes Deployments ab; dessen Scoring-Server protokolliert jede Abfrage.</translation>
    </message>
    <message>
        <source>Deployment Log</source>
        <translation>Protokoll der Bereitstellung</translation>
    </message>
    <message>
        <source>Scoring URI: %1 (with the endpoint&apos;s key)</source>
        <translation>Scoring-URI: %1 (mit dem Schlüssel des Endpunkts)</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::ErrorBanner</name>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Edit Workspace…</source>
        <translation>Arbeitsbereich bearbeiten…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::InboxModel</name>
    <message numerus="yes">
        <source>%n passed</source>
        <translation>
            <numerusform>%n bestanden</numerusform>
            <numerusform>%n bestanden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 Tg.</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>In Prüfung</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Checks unavailable</source>
        <translation>Vorabprüfungen nicht verfügbar</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>%1 version %2 is waiting for your review.</source>
        <translation>Version %2 von %1 wartet auf Ihre Prüfung.</translation>
    </message>
    <message>
        <source>The pre-checks could not be evaluated: %1</source>
        <translation>Die Vorabprüfungen konnten nicht ausgewertet werden: %1</translation>
    </message>
    <message>
        <source>Standing decisions by: %1</source>
        <translation>Gültige Entscheidungen von: %1</translation>
    </message>
    <message>
        <source>The release trail of this model does not verify: %1</source>
        <translation>Der Prüfpfad dieses Modells lässt sich nicht verifizieren: %1</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Vorabprüfungen</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Replaces</source>
        <translation>Ersetzt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::InboxView</name>
    <message>
        <source>All pending (%1)</source>
        <translation>Ausstehend (%1)</translation>
    </message>
    <message>
        <source>Mine to review (%1)</source>
        <translation>Für mich (%1)</translation>
    </message>
    <message>
        <source>Failed checks (%1)</source>
        <translation>Prüfung fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <source>Rejected (%1)</source>
        <translation>Abgelehnt (%1)</translation>
    </message>
    <message>
        <source>Refresh the inbox (F5)</source>
        <translation>Eingang aktualisieren (F5)</translation>
    </message>
    <message>
        <source>Filter by model, version or author</source>
        <translation>Nach Modell, Version oder Autor filtern</translation>
    </message>
    <message numerus="yes">
        <source>Updated %1; refreshes every %n minute(s).</source>
        <translation>
            <numerusform>Stand: %1; wird jede Minute aktualisiert.</numerusform>
            <numerusform>Stand: %1; wird alle %n Minuten aktualisiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the versions waiting for review…</source>
        <translation>Versionen, die auf eine Prüfung warten, werden geladen…</translation>
    </message>
    <message numerus="yes">
        <source>Evaluating the checks of %n version(s)…</source>
        <translation>
            <numerusform>Vorabprüfungen von %n Version werden ausgewertet…</numerusform>
            <numerusform>Vorabprüfungen von %n Versionen werden ausgewertet…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>modelgate::ui::LoadTestDialog</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Cancel Load</source>
        <translation>Last abbrechen</translation>
    </message>
    <message>
        <source>Load Test of %1</source>
        <translation>Lasttest von %1</translation>
    </message>
    <message>
        <source>A CSV file whose columns are the model&apos;s inputs</source>
        <translation>Eine CSV-Datei, deren Spalten die Eingaben des Modells sind</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source> requests/s</source>
        <translation> Anfragen/s</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> rows per request</source>
        <translation> Zeilen pro Anfrage</translation>
    </message>
    <message>
        <source>The endpoint (its split decides)</source>
        <translation>Den Endpunkt (seine Aufteilung entscheidet)</translation>
    </message>
    <message>
        <source>%1 alone (v%2, %3 %)</source>
        <translation>Nur %1 (v%2, %3 %)</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>Zeilen:</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Rate:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>Stapel:</translation>
    </message>
    <message>
        <source>Send to:</source>
        <translation>Senden an:</translation>
    </message>
    <message>
        <source>Open-loop, as real clients are: each request starts on schedule whether or not earlier ones have answered; a start that falls behind is counted as late.</source>
        <translation>Offene Schleife, wie bei echten Clients: Jede Anfrage startet nach Plan, ob frühere beantwortet sind oder nicht; ein Start, der in Verzug gerät, zählt als verspätet.</translation>
    </message>
    <message>
        <source>Rows to Send</source>
        <translation>Zu sendende Zeilen</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 has no rows to send.</source>
        <translation>%1 enthält keine Zeilen zum Senden.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of %1 column(s) to send in turn.</source>
        <translation>
            <numerusform>%n Zeile mit %1 Spalten, die der Reihe nach gesendet wird.</numerusform>
            <numerusform>%n Zeilen mit %1 Spalten, die der Reihe nach gesendet werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the signature of %1 v%2…</source>
        <translation>Signatur von %1 v%2 wird gelesen…</translation>
    </message>
    <message>
        <source>Cancelling: no new request starts; waiting for those in flight…</source>
        <translation>Wird abgebrochen: Keine neue Anfrage startet; laufende werden abgewartet…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Sent %1 of %2 · succeeded %3 · failed %4%5 · no answer %6 · late %7 · in flight %8</source>
        <translation>%1 von %2 gesendet · erfolgreich %3 · fehlgeschlagen %4%5 · ohne Antwort %6 · verspätet %7 · laufend %8</translation>
    </message>
    <message>
        <source>Client latency: p50 %1 · p95 %2 · p99 %3 · achieved %4 requests/s</source>
        <translation>Latenz beim Client: p50 %1 · p95 %2 · p99 %3 · erreicht %4 Anfragen/s</translation>
    </message>
    <message>
        <source>Running: %1 of %2 s…</source>
        <translation>Läuft: %1 von %2 s…</translation>
    </message>
    <message>
        <source>%1 requests sent in %2 s (%3 requests/s): %4 succeeded, %5 failed, p95 %6.</source>
        <translation>%1 Anfragen in %2 s gesendet (%3 Anfragen/s): %4 erfolgreich, %5 fehlgeschlagen, p95 %6.</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Abgebrochen: %1</translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation>Fertig: %1</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::LoadingIndicator</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop loading (Esc)</source>
        <translation>Laden abbrechen (Esc)</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::MainWindow</name>
    <message>
        <source>&amp;Manage Workspaces…</source>
        <translation>Arbeitsbereiche &amp;verwalten…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Reload the registered models (F5)</source>
        <translation>Die registrierten Modelle neu laden (F5)</translation>
    </message>
    <message>
        <source>&amp;Cancel Loading</source>
        <translation>Laden a&amp;bbrechen</translation>
    </message>
    <message>
        <source>&amp;Filter Models</source>
        <translation>Modelle &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;About ModelGate</source>
        <translation>&amp;Über ModelGate</translation>
    </message>
    <message>
        <source>About ModelGate</source>
        <translation>Über ModelGate</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ModelGate %1&lt;/h3&gt;&lt;p&gt;A release console for MLflow models: browse the model registry, review versions, their runs and signatures.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ModelGate %1&lt;/h3&gt;&lt;p&gt;Eine Freigabekonsole für MLflow-Modelle: Modellregistrierung durchsuchen, Versionen mit ihren Läufen und Signaturen prüfen.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Workspace:</source>
        <translation>Arbeitsbereich:</translation>
    </message>
    <message>
        <source>The workspace file %1 could not be read (%2). It was left unchanged; fix or remove it to use your stored workspaces.</source>
        <translation>Die Datei mit den Arbeitsbereichen (%1) konnte nicht gelesen werden (%2). Sie wurde nicht verändert; korrigieren oder entfernen Sie sie, um Ihre gespeicherten Arbeitsbereiche zu verwenden.</translation>
    </message>
    <message>
        <source>No workspace is set up yet. Add one with Manage Workspaces… (Ctrl+,) or start ModelGate with MLFLOW_TRACKING_URI set.</source>
        <translation>Es ist noch kein Arbeitsbereich eingerichtet. Legen Sie einen unter „Arbeitsbereiche verwalten…“ (Strg+,) an oder starten Sie ModelGate mit gesetzter Variable MLFLOW_TRACKING_URI.</translation>
    </message>
    <message>
        <source>There is no workspace called “%1”; opening another one.</source>
        <translation>Es gibt keinen Arbeitsbereich namens „%1“; ein anderer wird geöffnet.</translation>
    </message>
    <message>
        <source>%1 – ModelGate</source>
        <translation>%1 – ModelGate</translation>
    </message>
    <message>
        <source>No keychain available: the password is kept until ModelGate quits.</source>
        <translation>Kein Schlüsselbund verfügbar: Das Passwort wird nur bis zum Beenden von ModelGate aufbewahrt.</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <source>&amp;Endpoints</source>
        <translation>&amp;Endpunkte</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Überwachung</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::MetricChartWidget</name>
    <message>
        <source>A log scale needs values above zero; %1 has the value %2 at step %3.</source>
        <translation>Eine logarithmische Skala braucht Werte über null; %1 hat bei Schritt %3 den Wert %2.</translation>
    </message>
    <message>
        <source>There is nothing to draw.</source>
        <translation>Es gibt nichts zu zeichnen.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>%1 (log scale)</source>
        <translation>%1 (logarithmisch)</translation>
    </message>
    <message>
        <source>%1 · step %2 · %3 = %4</source>
        <translation>%1 · Schritt %2 · %3 = %4</translation>
    </message>
    <message>
        <source>The image could not be written to %1.</source>
        <translation>Das Bild konnte nicht nach %1 geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::MetricComparisonModel</name>
    <message>
        <source>▲ better</source>
        <translation>▲ besser</translation>
    </message>
    <message>
        <source>▼ worse</source>
        <translation>▼ schlechter</translation>
    </message>
    <message>
        <source>= equal</source>
        <translation>= gleich</translation>
    </message>
    <message>
        <source>– not rated</source>
        <translation>– ohne Bewertung</translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation>höher ist besser</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>niedriger ist besser</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutral</translation>
    </message>
    <message>
        <source>%1 (set for this model)</source>
        <translation>%1 (für dieses Modell festgelegt)</translation>
    </message>
    <message>
        <source>Right-click to choose whether higher or lower values of this metric are better.</source>
        <translation>Rechtsklick wählt, ob höhere oder niedrigere Werte dieser Metrik besser sind.</translation>
    </message>
    <message>
        <source>This metric has no direction, so neither value is better.</source>
        <translation>Diese Metrik hat keine Richtung, daher ist keiner der Werte besser.</translation>
    </message>
    <message>
        <source>One side has no value for this metric.</source>
        <translation>Eine Seite hat keinen Wert für diese Metrik.</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Basis</translation>
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
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Bewertung</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::MetricHistoryView</name>
    <message>
        <source>&amp;Log scale</source>
        <translation>&amp;Logarithmisch</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>&amp;Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Export &amp;PNG…</source>
        <translation>Als &amp;PNG exportieren …</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Als &amp;CSV exportieren …</translation>
    </message>
    <message>
        <source>Tick versions to draw their runs&apos; history of the same metric.</source>
        <translation>Versionen ankreuzen, um den Verlauf derselben Metrik in ihren Runs einzuzeichnen.</translation>
    </message>
    <message>
        <source>Show every point again (Home, or right-click the chart)</source>
        <translation>Wieder alle Punkte zeigen (Pos1 oder Rechtsklick ins Diagramm)</translation>
    </message>
    <message>
        <source>Drag to zoom into a rectangle; Ctrl+drag or the middle button pans; arrow keys pan; the wheel or +/− zoom; right-click or Home resets.</source>
        <translation>Ziehen zoomt in ein Rechteck; Strg+Ziehen oder die mittlere Maustaste verschiebt; Pfeiltasten verschieben; Mausrad oder +/− zoomen; Rechtsklick oder Pos1 setzt zurück.</translation>
    </message>
    <message>
        <source>&amp;Metric:</source>
        <translation>&amp;Metrik:</translation>
    </message>
    <message>
        <source>Overlay versions</source>
        <translation>Versionen einblenden</translation>
    </message>
    <message>
        <source>Point at a line to read its values.</source>
        <translation>Zeigen Sie auf eine Linie, um ihre Werte abzulesen.</translation>
    </message>
    <message>
        <source>Select a model version to chart its metrics.</source>
        <translation>Wählen Sie eine Modellversion, um ihre Metriken darzustellen.</translation>
    </message>
    <message>
        <source>This version was not registered from a run, so it has no metric history.</source>
        <translation>Diese Version wurde nicht aus einem Run registriert und hat daher keinen Metrikverlauf.</translation>
    </message>
    <message>
        <source>Loading the run…</source>
        <translation>Run wird geladen …</translation>
    </message>
    <message>
        <source>The run logged no metrics.</source>
        <translation>Der Run hat keine Metriken protokolliert.</translation>
    </message>
    <message>
        <source>Loading the history was cancelled.</source>
        <translation>Das Laden des Verlaufs wurde abgebrochen.</translation>
    </message>
    <message>
        <source>v%1 (this version)</source>
        <translation>v%1 (diese Version)</translation>
    </message>
    <message numerus="yes">
        <source>Loading the history of %1 for %n run(s)…</source>
        <translation>
            <numerusform>Verlauf von %1 für %n Run wird geladen …</numerusform>
            <numerusform>Verlauf von %1 für %n Runs wird geladen …</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no values of %2.</source>
        <translation>%1 hat keine Werte von %2.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n value(s) that are not numbers (NaN or infinite) are not drawn.</source>
        <translation>
            <numerusform>%1: %n Wert, der keine Zahl ist (NaN oder unendlich), wird nicht gezeichnet.</numerusform>
            <numerusform>%1: %n Werte, die keine Zahlen sind (NaN oder unendlich), werden nicht gezeichnet.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 could not be loaded: %2</source>
        <translation>%1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>%1 of %2 points drawn (shape-preserving downsampling); the CSV export has every point.</source>
        <translation>%1 von %2 Punkten gezeichnet (formerhaltend ausgedünnt); der CSV-Export enthält jeden Punkt.</translation>
    </message>
    <message>
        <source>No run has values of %1.</source>
        <translation>Kein Run hat Werte von %1.</translation>
    </message>
    <message>
        <source>Show the values on a logarithmic axis</source>
        <translation>Werte auf einer logarithmischen Achse zeigen</translation>
    </message>
    <message>
        <source>Export Chart as PNG</source>
        <translation>Diagramm als PNG exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Saved the chart to %1.</source>
        <translation>Diagramm in %1 gespeichert.</translation>
    </message>
    <message>
        <source>The chart could not be saved: %1</source>
        <translation>Das Diagramm konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Export Chart Data as CSV</source>
        <translation>Diagrammdaten als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Saved every point to %1.</source>
        <translation>Alle Punkte in %1 gespeichert.</translation>
    </message>
    <message>
        <source>The data could not be saved: %1</source>
        <translation>Die Daten konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Up to %1 points per run are drawn, as sampled by the server; the CSV export fetches every point.</source>
        <translation>Pro Lauf werden bis zu %1 vom Server ausgewählte Punkte gezeichnet; der CSV-Export lädt jeden Punkt.</translation>
    </message>
    <message>
        <source>Fetching every point for the CSV export…</source>
        <translation>Alle Punkte für den CSV-Export werden geladen …</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::MetricTrendView</name>
    <message>
        <source>&amp;Metric:</source>
        <translation>&amp;Metrik:</translation>
    </message>
    <message>
        <source>Select a model version to chart a metric across every version of its model.</source>
        <translation>Wählen Sie eine Modellversion, um eine Metrik über alle Versionen ihres Modells darzustellen.</translation>
    </message>
    <message>
        <source>Loading the run…</source>
        <translation>Run wird geladen …</translation>
    </message>
    <message>
        <source>The run of the selected version logged no metrics.</source>
        <translation>Der Run der gewählten Version hat keine Metriken protokolliert.</translation>
    </message>
    <message>
        <source>Loading the trend was cancelled.</source>
        <translation>Das Laden des Verlaufs wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Loading %1 of every version of %2…</source>
        <translation>%1 aller Versionen von %2 wird geladen …</translation>
    </message>
    <message>
        <source>%1 across the versions of %2</source>
        <translation>%1 über die Versionen von %2</translation>
    </message>
    <message>
        <source>v%1 (%2)</source>
        <translation>v%1 (%2)</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>kein Wert</translation>
    </message>
    <message>
        <source>Not drawn: %1</source>
        <translation>Nicht gezeichnet: %1</translation>
    </message>
    <message>
        <source>No version of %1 has a value of %2.</source>
        <translation>Keine Version von %1 hat einen Wert von %2.</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
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
        <translation>Die eigene des Ziels: Azure Monitor</translation>
    </message>
    <message>
        <source>The target&apos;s own: HAProxy&apos;s request log</source>
        <translation>Die eigene des Ziels: Anfrageprotokoll von HAProxy</translation>
    </message>
    <message>
        <source>Test Query</source>
        <translation>Abfrage testen</translation>
    </message>
    <message>
        <source>Metrics Source of %1</source>
        <translation>Metrikquelle von %1</translation>
    </message>
    <message>
        <source>The charts, “modelgate-cli endpoint metrics” and the SLO rules read this endpoint&apos;s requests and latency from here. Prometheus suits endpoints that it already scrapes, such as a KServe InferenceService on Kubernetes; $endpoint in a selector stands for the endpoint&apos;s name.</source>
        <translation>Die Diagramme, „modelgate-cli endpoint metrics“ und die SLO-Regeln lesen Anfragen und Latenz dieses Endpunkts von hier. Prometheus eignet sich für Endpunkte, die es bereits abfragt, etwa einen KServe-InferenceService auf Kubernetes; $endpoint in einem Selektor steht für den Namen des Endpunkts.</translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <source>HAProxy exporter (local endpoints)</source>
        <translation>HAProxy-Exporter (lokale Endpunkte)</translation>
    </message>
    <message>
        <source>KServe on Knative</source>
        <translation>KServe auf Knative</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Eigene</translation>
    </message>
    <message>
        <source>Histogram (percentiles)</source>
        <translation>Histogramm (Perzentile)</translation>
    </message>
    <message>
        <source>Averages only (no percentiles)</source>
        <translation>Nur Mittelwerte (keine Perzentile)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source> ms per unit</source>
        <translation> ms je Einheit</translation>
    </message>
    <message>
        <source>1000 when the metric is in seconds, 1 when it is in milliseconds</source>
        <translation>1000, wenn die Metrik in Sekunden ist, 1, wenn sie in Millisekunden ist</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How often Prometheus scrapes the exporter: the shortest step with data</source>
        <translation>Wie oft Prometheus den Exporter abfragt: der kürzeste Schritt mit Daten</translation>
    </message>
    <message>
        <source>Prometheus &amp;URL:</source>
        <translation>Prometheus-&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Queries for:</source>
        <translation>&amp;Abfragen für:</translation>
    </message>
    <message>
        <source>&amp;Request counter:</source>
        <translation>Anf&amp;ragezähler:</translation>
    </message>
    <message>
        <source>&amp;Deployment label:</source>
        <translation>&amp;Deployment-Label:</translation>
    </message>
    <message>
        <source>&amp;Status label:</source>
        <translation>&amp;Status-Label:</translation>
    </message>
    <message>
        <source>&amp;Latency:</source>
        <translation>&amp;Latenz:</translation>
    </message>
    <message>
        <source>Latency &amp;metric:</source>
        <translation>Latenz&amp;metrik:</translation>
    </message>
    <message>
        <source>Latency &amp;unit:</source>
        <translation>Latenz&amp;einheit:</translation>
    </message>
    <message>
        <source>Scrape &amp;interval:</source>
        <translation>Abfrage&amp;intervall:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>PromQL over a 5-minute window:</source>
        <translation>PromQL über ein Fenster von 5 Minuten:</translation>
    </message>
    <message>
        <source>(read from the target&apos;s own source)</source>
        <translation>(aus der eigenen Quelle des Ziels gelesen)</translation>
    </message>
    <message>
        <source>Asking Prometheus…</source>
        <translation>Prometheus wird gefragt …</translation>
    </message>
    <message>
        <source>Newest scrape: %1.</source>
        <translation>Neueste Abfrage: %1.</translation>
    </message>
    <message>
        <source>Prometheus has no current scrape of this endpoint: check the selector and the scrape job.</source>
        <translation>Prometheus hat keine aktuelle Abfrage dieses Endpunkts: Prüfen Sie den Selektor und den Scrape-Job.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) in the last 5 minutes.</source>
        <translation>
            <numerusform>%n Anfrage in den letzten 5 Minuten.</numerusform>
            <numerusform>%n Anfragen in den letzten 5 Minuten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>modelgate::ui::ModelVersionListModel</name>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Pending registration</source>
        <translation>Registrierung läuft</translation>
    </message>
    <message>
        <source>Registration failed</source>
        <translation>Registrierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Aliasse</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Source run</source>
        <translation>Quelllauf</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::MonitorChartView</name>
    <message>
        <source>%1 · %2 · %3 %4</source>
        <translation>%1 · %2 · %3 %4</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::PolicyEditorDialog</name>
    <message>
        <source>Release Policy of %1</source>
        <translation>Freigaberichtlinie von %1</translation>
    </message>
    <message>
        <source>Why the rules change (required; recorded in the release trail)</source>
        <translation>Warum sich die Regeln ändern (erforderlich; wird im Prüfpfad festgehalten)</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Kommentar:</translation>
    </message>
    <message>
        <source>&amp;Save Policy</source>
        <translation>Richtlinie &amp;speichern</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Schwellenwerte</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>Mindestens</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>Höchstens</translation>
    </message>
    <message>
        <source>&amp;Add Threshold</source>
        <translation>Schwellenwert &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove Threshold</source>
        <translation>Schwellenwert &amp;entfernen</translation>
    </message>
    <message>
        <source>A final metric value outside its bounds fails the check. Leave a bound empty for none.</source>
        <translation>Liegt der letzte Wert einer Metrik außerhalb seiner Grenzen, schlägt die Prüfung fehl. Lassen Sie eine Grenze leer, wenn es keine geben soll.</translation>
    </message>
    <message>
        <source>Regression against the champion</source>
        <translation>Verschlechterung gegenüber dem Champion</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>every metric with a direction</source>
        <translation>jede Metrik mit Richtung</translation>
    </message>
    <message>
        <source>Champion &amp;alias:</source>
        <translation>Champion-&amp;Alias:</translation>
    </message>
    <message>
        <source>Absolute margin:</source>
        <translation>Absolute Toleranz:</translation>
    </message>
    <message>
        <source>Relative margin:</source>
        <translation>Relative Toleranz:</translation>
    </message>
    <message>
        <source>&amp;Metrics (comma-separated):</source>
        <translation>&amp;Metriken (durch Kommas getrennt):</translation>
    </message>
    <message>
        <source>With both margins set, a metric fails only when it is worse than the champion by more than both.</source>
        <translation>Sind beide Toleranzen gesetzt, schlägt eine Metrik nur fehl, wenn sie um mehr als beide schlechter ist als beim Champion.</translation>
    </message>
    <message>
        <source>Metric directions</source>
        <translation>Richtungen der Metriken</translation>
    </message>
    <message>
        <source>Better when</source>
        <translation>Besser, wenn</translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation>Höher ist besser</translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation>Niedriger ist besser</translation>
    </message>
    <message>
        <source>Neutral (no verdict)</source>
        <translation>Neutral (ohne Bewertung)</translation>
    </message>
    <message>
        <source>Required items and approvals</source>
        <translation>Erforderliche Angaben und Freigaben</translation>
    </message>
    <message>
        <source>A model &amp;signature</source>
        <translation>Eine Modellsi&amp;gnatur</translation>
    </message>
    <message>
        <source>A signature &amp;compatible with the champion&apos;s</source>
        <translation>Eine mit der des Champions k&amp;ompatible Signatur</translation>
    </message>
    <message>
        <source>An &amp;input example</source>
        <translation>Ein E&amp;ingabebeispiel</translation>
    </message>
    <message>
        <source>A version &amp;description</source>
        <translation>Eine Versions&amp;beschreibung</translation>
    </message>
    <message>
        <source>A &amp;finished source run</source>
        <translation>Ein abgeschlossener &amp;Quelllauf</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Allow &amp;break-glass self-approval by an author</source>
        <translation>&amp;Notfallfreigabe (Selbstfreigabe durch einen Autor) erlauben</translation>
    </message>
    <message>
        <source>Break-glass lets an author approve their own version with a written reason. It defeats the four-eyes rule; every such approval is marked in the trail and in every report.</source>
        <translation>Mit der Notfallfreigabe kann ein Autor seine eigene Version mit schriftlicher Begründung freigeben. Das hebelt das Vier-Augen-Prinzip aus; jede solche Freigabe wird im Prüfpfad und in jedem Bericht gekennzeichnet.</translation>
    </message>
    <message>
        <source>Required version &amp;tags (comma-separated):</source>
        <translation>Erforderliche Versions-&amp;Tags (durch Kommas getrennt):</translation>
    </message>
    <message>
        <source>Required a&amp;pprovals:</source>
        <translation>Erforderliche &amp;Freigaben:</translation>
    </message>
    <message>
        <source>Preview against v%1</source>
        <translation>Vorschau für v%1</translation>
    </message>
    <message>
        <source>The policy is not valid: %1</source>
        <translation>Die Richtlinie ist ungültig: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n passed</source>
        <translation>
            <numerusform>%n bestanden</numerusform>
            <numerusform>%n bestanden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>The preview still compares with the current champion; the new alias applies after saving.</source>
        <translation>Die Vorschau vergleicht noch mit dem aktuellen Champion; der neue Alias gilt erst nach dem Speichern.</translation>
    </message>
    <message>
        <source>Write a comment saying why the rules change.</source>
        <translation>Schreiben Sie in einem Kommentar, warum sich die Regeln ändern.</translation>
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
        <translation>Aliasse</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>The newest version of the model</source>
        <translation>Die neueste Version des Modells</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Neueste</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::RegistryPage</name>
    <message>
        <source>Registered models</source>
        <translation>Registrierte Modelle</translation>
    </message>
    <message>
        <source>Filter by name, tag or alias (Ctrl+F)</source>
        <translation>Nach Name, Tag oder Alias filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Loading registered models…</source>
        <translation>Registrierte Modelle werden geladen…</translation>
    </message>
    <message numerus="yes">
        <source>Loading… %n model(s) so far</source>
        <translation>
            <numerusform>Wird geladen… bisher %n Modell</numerusform>
            <numerusform>Wird geladen… bisher %n Modelle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n registered model(s) loaded.</source>
        <translation>
            <numerusform>%n registriertes Modell geladen.</numerusform>
            <numerusform>%n registrierte Modelle geladen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading cancelled: %n model(s) loaded.</source>
        <translation>
            <numerusform>Laden abgebrochen: %n Modell geladen.</numerusform>
            <numerusform>Laden abgebrochen: %n Modelle geladen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the versions of %1…</source>
        <translation>Versionen von %1 werden geladen…</translation>
    </message>
    <message>
        <source>Versions of %1 (%2)</source>
        <translation>Versionen von %1 (%2)</translation>
    </message>
    <message>
        <source>Loading the versions was cancelled.</source>
        <translation>Das Laden der Versionen wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Loading the run and the signature…</source>
        <translation>Lauf und Signatur werden geladen…</translation>
    </message>
    <message>
        <source>Loading the version details was cancelled.</source>
        <translation>Das Laden der Versionsdetails wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Versions of %1</source>
        <translation>Versionen von %1</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::ReviewPanel</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>Aktuali&amp;sieren</translation>
    </message>
    <message>
        <source>Edit &amp;Policy…</source>
        <translation>&amp;Richtlinie bearbeiten…</translation>
    </message>
    <message>
        <source>Reload the checks and decisions (F5)</source>
        <translation>Vorabprüfungen und Entscheidungen neu laden (F5)</translation>
    </message>
    <message>
        <source>Change the release rules of this model (needs EDIT permission on it).</source>
        <translation>Die Freigaberegeln dieses Modells ändern (erfordert die Berechtigung EDIT für das Modell).</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pre-checks&lt;/b&gt;</source>
        <translation>&lt;b&gt;Vorabprüfungen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Standing decisions&lt;/b&gt;</source>
        <translation>&lt;b&gt;Gültige Entscheidungen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No version selected</source>
        <translation>Keine Version ausgewählt</translation>
    </message>
    <message>
        <source>Select a model version to review it.</source>
        <translation>Wählen Sie eine Modellversion, um sie zu prüfen.</translation>
    </message>
    <message>
        <source>%1 — version %2</source>
        <translation>%1 — Version %2</translation>
    </message>
    <message>
        <source>Loading the checks and decisions of %1 v%2…</source>
        <translation>Vorabprüfungen und Entscheidungen von %1 v%2 werden geladen…</translation>
    </message>
    <message numerus="yes">
        <source>%n passed</source>
        <translation>
            <numerusform>%n bestanden</numerusform>
            <numerusform>%n bestanden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Pending: no decision yet.</source>
        <translation>Ausstehend: noch keine Entscheidung.</translation>
    </message>
    <message>
        <source>In review: %1 of %2 approvals.</source>
        <translation>In Prüfung: %1 von %2 Freigaben.</translation>
    </message>
    <message>
        <source>Approved.</source>
        <translation>Freigegeben.</translation>
    </message>
    <message>
        <source>Rejected.</source>
        <translation>Abgelehnt.</translation>
    </message>
    <message>
        <source>Stale: the version changed after it was approved.</source>
        <translation>Veraltet: Die Version wurde nach der Freigabe geändert.</translation>
    </message>
    <message>
        <source>Reviewing as %1.</source>
        <translation>Sie prüfen als %1.</translation>
    </message>
    <message>
        <source>%1 (BREAK-GLASS)</source>
        <translation>%1 (NOTFALLFREIGABE)</translation>
    </message>
    <message>
        <source>%1 (for older content)</source>
        <translation>%1 (für älteren Inhalt)</translation>
    </message>
    <message>
        <source>%1 — break-glass reason: %2</source>
        <translation>%1 — Begründung der Notfallfreigabe: %2</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>No standing decision</source>
        <translation>Keine gültige Entscheidung</translation>
    </message>
    <message>
        <source>The release trail of %1 is broken (%2); nothing can be added until it is repaired.</source>
        <translation>Der Prüfpfad von %1 ist beschädigt (%2); bis er repariert ist, kann nichts hinzugefügt werden.</translation>
    </message>
    <message>
        <source>You (%1) are not enrolled as a reviewer. An administrator enrols you with “modelgate-cli audit grant %1”.</source>
        <translation>Sie (%1) sind nicht als Prüfer registriert. Eine Administratorin oder ein Administrator registriert Sie mit „modelgate-cli audit grant %1“.</translation>
    </message>
    <message>
        <source>The workspace has no user name, so ModelGate cannot tell who is reviewing.</source>
        <translation>Der Arbeitsbereich hat keinen Benutzernamen; ModelGate kann daher nicht feststellen, wer prüft.</translation>
    </message>
    <message>
        <source>the user of the version</source>
        <translation>dem Benutzer der Version</translation>
    </message>
    <message>
        <source>the mlflow.user tag of its run</source>
        <translation>dem Tag mlflow.user ihres Laufs</translation>
    </message>
    <message>
        <source>the %1 tag of the version</source>
        <translation>dem Tag %1 der Version</translation>
    </message>
    <message>
        <source>the %1 tag of its run</source>
        <translation>dem Tag %1 ihres Laufs</translation>
    </message>
    <message>
        <source>You (%1) are an author of this version (recorded in %2); someone else must approve it.</source>
        <translation>Sie (%1) sind Autor dieser Version (laut %2); jemand anderes muss sie freigeben.</translation>
    </message>
    <message>
        <source>The policy allows a break-glass approval with a reason.</source>
        <translation>Die Richtlinie erlaubt eine Notfallfreigabe mit Begründung.</translation>
    </message>
    <message>
        <source>Your account lacks EDIT permission on %1, which deciding needs. Ask an administrator; then press Refresh.</source>
        <translation>Ihrem Konto fehlt die Berechtigung EDIT für %1, die für eine Entscheidung nötig ist. Bitten Sie eine Administratorin oder einen Administrator darum und klicken Sie dann auf „Aktualisieren“.</translation>
    </message>
    <message>
        <source>Required checks fail: %1.</source>
        <translation>Erforderliche Vorabprüfungen sind fehlgeschlagen: %1.</translation>
    </message>
    <message>
        <source>Break Glass</source>
        <translation>Notfallfreigabe</translation>
    </message>
    <message>
        <source>You are approving your own version. This is recorded as a break-glass approval and marked in the trail and in every report.

Why can this not wait for another reviewer? (required, at most %1 characters)</source>
        <translation>Sie geben Ihre eigene Version frei. Das wird als Notfallfreigabe erfasst und im Prüfpfad sowie in jedem Bericht gekennzeichnet.

Warum kann das nicht auf einen anderen Prüfer warten? (erforderlich, höchstens %1 Zeichen)</translation>
    </message>
    <message>
        <source>Recording your decision…</source>
        <translation>Ihre Entscheidung wird erfasst…</translation>
    </message>
    <message>
        <source>Your approval was NOT recorded: %1 It is kept as a draft.</source>
        <translation>Ihre Freigabe wurde NICHT erfasst: %1 Sie bleibt als Entwurf erhalten.</translation>
    </message>
    <message>
        <source>Your rejection was NOT recorded: %1 It is kept as a draft.</source>
        <translation>Ihre Ablehnung wurde NICHT erfasst: %1 Sie bleibt als Entwurf erhalten.</translation>
    </message>
    <message>
        <source>Your revocation was NOT recorded: %1 It is kept as a draft.</source>
        <translation>Ihr Widerruf wurde NICHT erfasst: %1 Er bleibt als Entwurf erhalten.</translation>
    </message>
    <message>
        <source>Draft of %1 (UTC): “%2”</source>
        <translation>Entwurf vom %1 (UTC): „%2“</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>BREAK-GLASS approval</source>
        <translation>NOTFALLFREIGABE</translation>
    </message>
    <message>
        <source>Rejection</source>
        <translation>Ablehnung</translation>
    </message>
    <message>
        <source>Revocation</source>
        <translation>Widerruf</translation>
    </message>
    <message>
        <source>Policy change</source>
        <translation>Richtlinienänderung</translation>
    </message>
    <message>
        <source>%1 recorded as record %2 of the trail.
Hash: %3
Time: %4
Reviewer: %5
Comment: %6</source>
        <translation>%1 als Eintrag %2 im Prüfpfad erfasst.
Hash: %3
Zeit: %4
Prüfer: %5
Kommentar: %6</translation>
    </message>
    <message>
        <source>Break-glass reason: %1</source>
        <translation>Begründung der Notfallfreigabe: %1</translation>
    </message>
    <message>
        <source>The decision stands, but the version&apos;s review tags could not be written (%1). Until they are repaired, verification reports a mismatch.</source>
        <translation>Die Entscheidung gilt, aber die Prüf-Tags der Version konnten nicht geschrieben werden (%1). Bis sie repariert sind, meldet die Verifizierung eine Abweichung.</translation>
    </message>
    <message>
        <source>Repairing the review tags…</source>
        <translation>Prüf-Tags werden repariert…</translation>
    </message>
    <message>
        <source>%1 has no champion to compare with.</source>
        <translation>%1 hat keinen Champion zum Vergleich.</translation>
    </message>
    <message>
        <source>NOT consistent: the review tags do not match the trail (%1); until they are rewritten from it (modelgate-cli review sync), the version counts as not approved.</source>
        <translation>NICHT konsistent: Die Prüf-Tags passen nicht zum Prüfpfad (%1); bis sie aus ihm neu geschrieben sind (modelgate-cli review sync), gilt die Version als nicht freigegeben.</translation>
    </message>
    <message>
        <source>The release trail is BROKEN at record %1: %2.</source>
        <translation>Der Prüfpfad ist BESCHÄDIGT bei Eintrag %1: %2.</translation>
    </message>
    <message>
        <source>E&amp;xport Report…</source>
        <translation>Bericht e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Write this version&apos;s release report as PDF or HTML for an auditor: evidence, checks, decisions and the verified trail (Ctrl+Shift+E).</source>
        <translation>Den Freigabebericht dieser Version als PDF oder HTML für die Prüfung schreiben: Nachweise, Vorabprüfungen, Entscheidungen und der verifizierte Prüfpfad (Strg+Umschalt+E).</translation>
    </message>
    <message>
        <source>The version&apos;s review tags do not match its release trail. Repair Tags rewrites them from the trail (this needs EDIT on the model).</source>
        <translation>Die Prüf-Tags der Version stimmen nicht mit ihrem Prüfpfad überein. „Tags reparieren“ schreibt sie aus dem Prüfpfad neu (dazu ist EDIT auf dem Modell nötig).</translation>
    </message>
    <message>
        <source>%1 rejected this version (record %2); the rejection stands until they revoke it.</source>
        <translation>%1 hat diese Version abgelehnt (Eintrag %2); die Ablehnung gilt, bis sie zurückgezogen wird.</translation>
    </message>
    <message>
        <source>You approved this content already (record %1).</source>
        <translation>Sie haben diesen Inhalt bereits freigegeben (Eintrag %1).</translation>
    </message>
    <message>
        <source>Deploy…</source>
        <translation>Bereitstellen…</translation>
    </message>
    <message>
        <source>Deploy this approved version to an endpoint, step by step.</source>
        <translation>Diese freigegebene Version Schritt für Schritt auf einem Endpunkt bereitstellen.</translation>
    </message>
    <message>
        <source>Deployment action</source>
        <translation>Bereitstellungsaktion</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::ReviewsPage</name>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Prüfpfad</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Modellregistrierung</translation>
    </message>
    <message>
        <source>&amp;Registry</source>
        <translation>&amp;Modellregistrierung</translation>
    </message>
    <message>
        <source>Re&amp;views</source>
        <translation>&amp;Prüfungen</translation>
    </message>
    <message>
        <source>Re&amp;view This Version</source>
        <translation>Diese Version p&amp;rüfen</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>Reviews (%1)</source>
        <translation>Prüfungen (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s) to review</source>
        <translation>
            <numerusform>%n Version zu prüfen</numerusform>
            <numerusform>%n Versionen zu prüfen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>modelgate::ui::RolloutStepPage</name>
    <message>
        <source>Cancel Step</source>
        <translation>Schritt abbrechen</translation>
    </message>
    <message>
        <source>Stop this step. A cancelled step leaves the endpoint as it was.</source>
        <translation>Diesen Schritt anhalten. Ein abgebrochener Schritt lässt den Endpunkt, wie er war.</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Share of the new deployment:</source>
        <translation>Anteil der neuen Bereitstellung:</translation>
    </message>
    <message>
        <source>The split after this step:</source>
        <translation>Die Aufteilung nach diesem Schritt:</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>Bereitstellen</translation>
    </message>
    <message>
        <source>Canary</source>
        <translation>Canary</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>Hochstufen</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Weiter &gt;</translation>
    </message>
    <message>
        <source>Deploy at 100 %</source>
        <translation>Mit 100 % bereitstellen</translation>
    </message>
    <message>
        <source>Deploy at 0 %</source>
        <translation>Mit 0 % bereitstellen</translation>
    </message>
    <message>
        <source>Starts %1 v%2 as deployment %3 on %4. The endpoint has no other deployment, so it gets all of the traffic. The deployment is recorded in the model&apos;s release trail.</source>
        <translation>Startet %1 v%2 als Bereitstellung %3 auf %4. Der Endpunkt hat keine andere Bereitstellung, daher erhält sie den gesamten Traffic. Die Bereitstellung wird im Prüfpfad des Modells vermerkt.</translation>
    </message>
    <message>
        <source>Starts %1 v%2 as deployment %3 on %4 with 0 % of the traffic: the endpoint keeps answering from its current deployments. The deployment is recorded in the model&apos;s release trail.</source>
        <translation>Startet %1 v%2 als Bereitstellung %3 auf %4 mit 0 % des Traffics: Der Endpunkt antwortet weiter aus seinen bisherigen Bereitstellungen. Die Bereitstellung wird im Prüfpfad des Modells vermerkt.</translation>
    </message>
    <message>
        <source>Give It This Share</source>
        <translation>Diesen Anteil geben</translation>
    </message>
    <message>
        <source>%1 is the endpoint&apos;s only deployment and has all of the traffic: there is nothing to share. Go on.</source>
        <translation>%1 ist die einzige Bereitstellung des Endpunkts und erhält den gesamten Traffic: Es gibt nichts aufzuteilen. Fahren Sie fort.</translation>
    </message>
    <message>
        <source>Sends a share of the requests to %1, the rest to the other deployments in their current proportions. Recorded as a traffic change. Skip with Next.</source>
        <translation>Sendet einen Anteil der Anfragen an %1, den Rest an die anderen Bereitstellungen im bisherigen Verhältnis. Wird als Traffic-Änderung vermerkt. Mit „Weiter“ überspringen.</translation>
    </message>
    <message>
        <source>Promote to 100 %</source>
        <translation>Auf 100 % hochstufen</translation>
    </message>
    <message>
        <source>Gives %1 all of the traffic. The other deployments stay at 0 %, running, so that Roll Back on the Endpoints page can return to them. Recorded as a traffic change%2. Skip with Next.</source>
        <translation>Gibt %1 den gesamten Traffic. Die anderen Bereitstellungen bleiben mit 0 % in Betrieb, damit „Zurücksetzen“ auf der Seite „Endpunkte“ zu ihnen zurückkehren kann. Wird als Traffic-Änderung vermerkt%2. Mit „Weiter“ überspringen.</translation>
    </message>
    <message>
        <source>; on this production endpoint the champion alias moves to v%1</source>
        <translation>; auf diesem Produktions-Endpunkt wird der Champion-Alias auf v%1 verschoben</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Cancelling… A cancelled step leaves the endpoint as it was.</source>
        <translation>Wird abgebrochen… Ein abgebrochener Schritt lässt den Endpunkt, wie er war.</translation>
    </message>
    <message>
        <source>Cancelled: the endpoint is as it was, and nothing was recorded.</source>
        <translation>Abgebrochen: Der Endpunkt ist, wie er war, und nichts wurde vermerkt.</translation>
    </message>
    <message>
        <source>Failed: the endpoint is as it was.</source>
        <translation>Fehlgeschlagen: Der Endpunkt ist, wie er war.</translation>
    </message>
    <message>
        <source>Done: %1 → %2</source>
        <translation>Erledigt: %1 → %2</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::SignatureDiffModel</name>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>type changed</source>
        <translation>Typ geändert</translation>
    </message>
    <message>
        <source>now required</source>
        <translation>jetzt erforderlich</translation>
    </message>
    <message>
        <source>now optional</source>
        <translation>jetzt optional</translation>
    </message>
    <message>
        <source>default changed</source>
        <translation>Standardwert geändert</translation>
    </message>
    <message>
        <source>signature added</source>
        <translation>Signatur hinzugefügt</translation>
    </message>
    <message>
        <source>signature removed</source>
        <translation>Signatur entfernt</translation>
    </message>
    <message>
        <source>⚠ BREAKING</source>
        <translation>⚠ INKOMPATIBEL</translation>
    </message>
    <message>
        <source>compatible</source>
        <translation>kompatibel</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Teil</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Baseline type</source>
        <translation>Typ (Basis)</translation>
    </message>
    <message>
        <source>Candidate type</source>
        <translation>Typ (Kandidat)</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Auswirkung</translation>
    </message>
    <message>
        <source>The signatures were not compared.</source>
        <translation>Die Signaturen wurden nicht verglichen.</translation>
    </message>
    <message>
        <source>The signatures were not compared: %1</source>
        <translation>Die Signaturen wurden nicht verglichen: %1</translation>
    </message>
    <message>
        <source>No signature changes.</source>
        <translation>Keine Änderungen an der Signatur.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s), </source>
        <translation>
            <numerusform>%n Änderung, </numerusform>
            <numerusform>%n Änderungen, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n breaking</source>
        <translation>
            <numerusform>%n davon inkompatibel</numerusform>
            <numerusform>%n davon inkompatibel</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>modelgate::ui::SloRulesDialog</name>
    <message>
        <source>SLO Rules of %1</source>
        <translation>SLO-Regeln von %1</translation>
    </message>
    <message>
        <source>A deployment with traffic breaks a rule when its value over the rule&apos;s window is above the limit. Absolute rules hold every deployment; “above the champion” rules hold a canary to the deployment with the largest share on the same traffic. MLflow answers a model that fails on valid input with 4xx, so error rules count 4xx and 5xx. A breach is recorded in the release trail.</source>
        <translation>Eine Bereitstellung mit Traffic verletzt eine Regel, wenn ihr Wert im Zeitfenster der Regel über dem Grenzwert liegt. Absolute Regeln gelten für jede Bereitstellung; Regeln „über dem Champion“ messen einen Canary an der Bereitstellung mit dem größten Anteil auf demselben Traffic. MLflow beantwortet ein Modell, das bei gültiger Eingabe fehlschlägt, mit 4xx; deshalb zählen Fehlerregeln 4xx und 5xx. Eine Verletzung wird im Prüfpfad vermerkt.</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Compared with</source>
        <translation>Verglichen mit</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Grenzwert</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Zeitfenster</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>Mindestens</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Roll a breaching canary back automatically to the split before it</source>
        <translation>Einen Canary, der eine Regel verletzt, automatisch auf die vorherige Aufteilung zurücksetzen</translation>
    </message>
    <message>
        <source>The console and “modelgate-cli endpoint watch” both do it; the release trail decides who acts, so it happens once.</source>
        <translation>Das tun die Konsole und „modelgate-cli endpoint watch“; der Prüfpfad entscheidet, wer handelt, sodass es nur einmal geschieht.</translation>
    </message>
    <message>
        <source>Add Rule</source>
        <translation>Regel hinzufügen</translation>
    </message>
    <message>
        <source>Remove Rule</source>
        <translation>Regel entfernen</translation>
    </message>
    <message>
        <source>Reset to Defaults</source>
        <translation>Auf Standard zurücksetzen</translation>
    </message>
    <message>
        <source>5xx ≤ 1 %, p95 ≤ 1000 ms, and a canary no worse than the champion by 5 points of errors or 250 ms of p95, each over one minute</source>
        <translation>5xx ≤ 1 %, p95 ≤ 1000 ms und ein Canary höchstens 5 Prozentpunkte Fehler oder 250 ms p95 schlechter als der Champion, jeweils über eine Minute</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> requests</source>
        <translation> Anfragen</translation>
    </message>
    <message>
        <source>Rule %1: %2</source>
        <translation>Regel %1: %2</translation>
    </message>
    <message>
        <source>not valid</source>
        <translation>ungültig</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::SmokeTestPage</name>
    <message>
        <source>Choose CSV…</source>
        <translation>CSV wählen…</translation>
    </message>
    <message>
        <source>Use Input Example</source>
        <translation>Eingabebeispiel verwenden</translation>
    </message>
    <message>
        <source>Send to the Deployment</source>
        <translation>An die Bereitstellung senden</translation>
    </message>
    <message>
        <source>Smoke Test</source>
        <translation>Smoke-Test</translation>
    </message>
    <message>
        <source>Sends input rows to the new deployment alone, whatever its share, and shows its predictions. Nothing is recorded. Skip with Next.</source>
        <translation>Sendet Eingabezeilen nur an die neue Bereitstellung, unabhängig von ihrem Anteil, und zeigt ihre Vorhersagen. Nichts wird vermerkt. Mit „Weiter“ überspringen.</translation>
    </message>
    <message>
        <source>No input rows yet.</source>
        <translation>Noch keine Eingabezeilen.</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>Vorhersage</translation>
    </message>
    <message numerus="yes">
        <source>%n prediction(s) received.</source>
        <translation>
            <numerusform>%n Vorhersage erhalten.</numerusform>
            <numerusform>%n Vorhersagen erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 predictions for %2 rows.</source>
        <translation>%1 Vorhersagen für %2 Zeilen.</translation>
    </message>
    <message>
        <source>Choose Input Rows</source>
        <translation>Eingabezeilen wählen</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2.</source>
        <translation>%1 ist nicht verwendbar: %2.</translation>
    </message>
    <message>
        <source>Input rows from %1.</source>
        <translation>Eingabezeilen aus %1.</translation>
    </message>
    <message>
        <source>Loading the input example of %1 v%2…</source>
        <translation>Eingabebeispiel von %1 v%2 wird geladen…</translation>
    </message>
    <message>
        <source>Choose a CSV file with a header line.</source>
        <translation>Wählen Sie eine CSV-Datei mit Kopfzeile.</translation>
    </message>
    <message>
        <source>The version&apos;s input example is not a table. Choose a CSV file with a header line.</source>
        <translation>Das Eingabebeispiel der Version ist keine Tabelle. Wählen Sie eine CSV-Datei mit Kopfzeile.</translation>
    </message>
    <message>
        <source>The input example saved with %1 v%2.</source>
        <translation>Das mit %1 v%2 gespeicherte Eingabebeispiel.</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n row(s) to %1…</source>
        <translation>
            <numerusform>%n Zeile wird an %1 gesendet…</numerusform>
            <numerusform>%n Zeilen werden an %1 gesendet…</numerusform>
        </translation>
    </message>
    <message>
        <source>The deployment answered HTTP %1: %2</source>
        <translation>Die Bereitstellung antwortete mit HTTP %1: %2</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Vermerkt</translation>
    </message>
    <message>
        <source>%1 on %2 now: %3. These records were written to the release trail:</source>
        <translation>%1 auf %2 jetzt: %3. Diese Einträge wurden in den Prüfpfad geschrieben:</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>NO: %1</source>
        <translation>NEIN: %1</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::TrafficDialog</name>
    <message>
        <source>Set Traffic of %1</source>
        <translation>Traffic von %1 festlegen</translation>
    </message>
    <message>
        <source>Give each deployment its share of the requests. A deployment whose share grows must be approved now; the change is recorded in the release trail of each model whose share changes.</source>
        <translation>Geben Sie jeder Bereitstellung ihren Anteil an den Anfragen. Eine Bereitstellung, deren Anteil wächst, muss derzeit freigegeben sein; die Änderung wird im Prüfpfad jedes Modells vermerkt, dessen Anteil sich ändert.</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>%1 (%2 v%3):</source>
        <translation>%1 (%2 v%3):</translation>
    </message>
    <message>
        <source>Sum:</source>
        <translation>Summe:</translation>
    </message>
    <message>
        <source>Optional: why (recorded with the change)</source>
        <translation>Optional: warum (wird mit der Änderung vermerkt)</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Kommentar:</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 % (must be 100 %, %2 to go)</source>
        <translation>%1 % (muss 100 % sein, es fehlen %2)</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::TrafficSplitBar</name>
    <message>
        <source>No deployment: the endpoint serves nothing.</source>
        <translation>Keine Bereitstellung: Der Endpunkt liefert nichts.</translation>
    </message>
    <message>
        <source>%1: %2 % of the requests</source>
        <translation>%1: %2 % der Anfragen</translation>
    </message>
    <message>
        <source>no deployment</source>
        <translation>keine Bereitstellung</translation>
    </message>
    <message>
        <source>%1 % %2</source>
        <translation>%1 % %2</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::ValueDiffModel</name>
    <message>
        <source>+ added</source>
        <translation>+ hinzugefügt</translation>
    </message>
    <message>
        <source>− removed</source>
        <translation>− entfernt</translation>
    </message>
    <message>
        <source>≠ changed</source>
        <translation>≠ geändert</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
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
        <translation>Wert</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Strg+%1</translation>
    </message>
    <message>
        <source>Select a model version to see its details.</source>
        <translation>Wählen Sie eine Modellversion aus, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Aliases:</source>
        <translation>Aliasse:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Last updated:</source>
        <translation>Zuletzt geändert:</translation>
    </message>
    <message>
        <source>Registered by:</source>
        <translation>Registriert von:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Run ID:</source>
        <translation>Lauf-ID:</translation>
    </message>
    <message>
        <source>Run name:</source>
        <translation>Laufname:</translation>
    </message>
    <message>
        <source>Run status:</source>
        <translation>Laufstatus:</translation>
    </message>
    <message>
        <source>Run started:</source>
        <translation>Lauf gestartet:</translation>
    </message>
    <message>
        <source>Experiment:</source>
        <translation>Experiment:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Eingaben</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1, Version %2</translation>
    </message>
    <message>
        <source>%1, version %2 (%3)</source>
        <translation>%1, Version %2 (%3)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>This version was not registered from a run, so it has no parameters or metrics.</source>
        <translation>Diese Version wurde nicht aus einem Lauf registriert und hat daher keine Parameter oder Metriken.</translation>
    </message>
    <message>
        <source>Loading the run…</source>
        <translation>Lauf wird geladen…</translation>
    </message>
    <message>
        <source>Loading the signature…</source>
        <translation>Signatur wird geladen…</translation>
    </message>
    <message>
        <source>The run logged no parameters.</source>
        <translation>Der Lauf hat keine Parameter protokolliert.</translation>
    </message>
    <message>
        <source>The run logged no metrics.</source>
        <translation>Der Lauf hat keine Metriken protokolliert.</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Neither the version nor its run has tags.</source>
        <translation>Weder die Version noch ihr Lauf hat Tags.</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Flavors: %1</source>
        <translation>Flavors: %1</translation>
    </message>
    <message>
        <source>Logged with MLflow %1</source>
        <translation>Protokolliert mit MLflow %1</translation>
    </message>
    <message>
        <source>Input example: yes</source>
        <translation>Eingabebeispiel: ja</translation>
    </message>
    <message>
        <source>Input example: no</source>
        <translation>Eingabebeispiel: nein</translation>
    </message>
    <message numerus="yes">
        <source>Inference parameters: %n</source>
        <translation>
            <numerusform>Inferenzparameter: %n</numerusform>
            <numerusform>Inferenzparameter: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>No signature was logged with this model version, so the inputs it expects are not documented.</source>
        <translation>Zu dieser Modellversion wurde keine Signatur protokolliert; die erwarteten Eingaben sind daher nicht dokumentiert.</translation>
    </message>
    <message>
        <source>No signature logged.</source>
        <translation>Keine Signatur protokolliert.</translation>
    </message>
    <message>
        <source>The signature declares no inputs.</source>
        <translation>Die Signatur deklariert keine Eingaben.</translation>
    </message>
    <message>
        <source>The signature declares no outputs.</source>
        <translation>Die Signatur deklariert keine Ausgaben.</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Killed</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Model Trend</source>
        <translation>Modellverlauf</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::WorkspaceManager</name>
    <message>
        <source>Environment (%1)</source>
        <translation>Umgebung (%1)</translation>
    </message>
</context>
<context>
    <name>modelgate::ui::WorkspacesDialog</name>
    <message>
        <source>Manage Workspaces</source>
        <translation>Arbeitsbereiche verwalten</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Stored workspaces:</source>
        <translation>Gespeicherte Arbeitsbereiche:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>User name and password</source>
        <translation>Benutzername und Passwort</translation>
    </message>
    <message>
        <source>Access token (Bearer)</source>
        <translation>Zugriffstoken (Bearer)</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Skip TLS certificate verification (insecure, test servers only)</source>
        <translation>TLS-Zertifikat nicht prüfen (unsicher, nur für Testserver)</translation>
    </message>
    <message>
        <source>System certificates</source>
        <translation>Zertifikate des Systems</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Tracking URI:</source>
        <translation>Tracking-URI:</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Authentifizierung:</translation>
    </message>
    <message>
        <source>CA bundle:</source>
        <translation>CA-Bundle:</translation>
    </message>
    <message>
        <source>The workspace “Environment” comes from the MLFLOW_TRACKING_URI environment variable and is not edited here.</source>
        <translation>Der Arbeitsbereich „Umgebung“ stammt aus der Umgebungsvariablen MLFLOW_TRACKING_URI und wird hier nicht bearbeitet.</translation>
    </message>
    <message>
        <source>Choose CA Bundle</source>
        <translation>CA-Bundle auswählen</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Passwords and tokens are stored in the system keychain, never in the workspace file.</source>
        <translation>Passwörter und Tokens werden im Schlüsselbund des Systems gespeichert, nie in der Datei mit den Arbeitsbereichen.</translation>
    </message>
    <message>
        <source>No keychain available: the password is kept until ModelGate quits.</source>
        <translation>Kein Schlüsselbund verfügbar: Das Passwort wird nur bis zum Beenden von ModelGate aufbewahrt.</translation>
    </message>
    <message>
        <source>Enter a name for the workspace.</source>
        <translation>Geben Sie einen Namen für den Arbeitsbereich ein.</translation>
    </message>
    <message>
        <source>Another workspace is already called “%1”.</source>
        <translation>Es gibt bereits einen Arbeitsbereich namens „%1“.</translation>
    </message>
    <message>
        <source>Enter the tracking URI of the MLflow server, e.g. http://localhost:5000.</source>
        <translation>Geben Sie die Tracking-URI des MLflow-Servers ein, z. B. http://localhost:5000.</translation>
    </message>
    <message>
        <source>The tracking URI is not usable: %1</source>
        <translation>Die Tracking-URI ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>Enter the user name for password sign-in.</source>
        <translation>Geben Sie den Benutzernamen für die Anmeldung mit Passwort ein.</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <source>New workspace %1</source>
        <translation>Neuer Arbeitsbereich %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <source>Connected: MLflow %1, model registry readable.</source>
        <translation>Verbunden: MLflow %1, Modellregistrierung lesbar.</translation>
    </message>
    <message>
        <source>The workspaces could not be saved: %1</source>
        <translation>Die Arbeitsbereiche konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>mlflow on PATH</source>
        <translation>mlflow aus PATH</translation>
    </message>
    <message>
        <source>The mlflow program that starts local scoring servers for the Endpoints page.</source>
        <translation>Das mlflow-Programm, das lokale Scoring-Server für die Seite „Endpunkte“ startet.</translation>
    </message>
    <message>
        <source>MLflow executable:</source>
        <translation>MLflow-Programm:</translation>
    </message>
    <message>
        <source>MLflow tracking server</source>
        <translation>MLflow-Tracking-Server</translation>
    </message>
    <message>
        <source>Azure Machine Learning workspace</source>
        <translation>Azure-Machine-Learning-Arbeitsbereich</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Connected as %1; the workspace&apos;s model registry is readable. Aliases are kept as model tags there (the workspace has none).</source>
        <translation>Verbunden als %1; die Modellregistrierung des Arbeitsbereichs ist lesbar. Aliasse werden dort als Modell-Tags geführt (der Arbeitsbereich hat keine).</translation>
    </message>
</context>
</TS>
