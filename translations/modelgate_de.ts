<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
</context>
<context>
    <name>ReviewSupport</name>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
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
        <source>Versions of %1</source>
        <translation>Versionen von %1</translation>
    </message>
    <message>
        <source>No keychain available: the password is kept until ModelGate quits.</source>
        <translation>Kein Schlüsselbund verfügbar: Das Passwort wird nur bis zum Beenden von ModelGate aufbewahrt.</translation>
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
</context>
</TS>
