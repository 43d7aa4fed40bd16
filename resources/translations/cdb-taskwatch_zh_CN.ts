<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApiClient</name>
    <message>
        <source>The endpoint &quot;%1&quot; is not a valid URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain http is allowed only for a loopback address (127.0.0.1, ::1, localhost); use https for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint must use https (got &quot;%1&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No complete answer within %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response exceeded %1 bytes and was cut off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP status %1 from the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response body was empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response is not JSON: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response has no &quot;Response&quot; object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response has an Error without a Code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status or Info is neither a string nor null.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvWriter</name>
    <message>
        <source>The CSV output is not open for writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the CSV output failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No output file was given for the CSV export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the CSV export to standard output: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the CSV export to %1: it is a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the CSV export to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standard output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the CSV export to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the history for the CSV export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorCatalog</name>
    <message>
        <source>The request&apos;s timestamp differs from the server&apos;s clock by more than 5 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set this computer&apos;s clock right (enable NTP time synchronisation). TaskWatch corrects the offset automatically when the server sends its time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SecretId does not exist, or the key was deleted or disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the key in the CAM console (API Keys), look for stray spaces, and update the credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature is wrong: the SecretKey does not match the SecretId.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the SecretKey again (copy it without spaces) and check it belongs to this SecretId.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SecretId is not a valid API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an API key SecretId (it starts with AKID) from the CAM console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The temporary credential&apos;s token is invalid or has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Obtain a new temporary key pair and token, or remove the token when using permanent keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Authorization header is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report this to the TaskWatch developers with the RequestId.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multi-factor authentication failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the MFA settings of the sub-account in the CAM console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is not authorized for this operation (CAM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant the sub-account a CAM policy that allows cdb:DescribeAsyncRequestInfo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests: the 40 requests per second limit was exceeded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TaskWatch slows down by itself. If other tools poll with the same key, lower --max-rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The asynchronous task does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the region (a task exists only in the region of its instance) and that the id was not mistyped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A parameter of the request is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the task id and the region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is not authorized to access the requested resource.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a CAM policy that allows cdb:DescribeAsyncRequestInfo to this sub-account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation was denied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the account&apos;s permissions and the instance&apos;s state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backend task reported an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a support ticket and quote the RequestId.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This API is not available in the chosen region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the region of the instance (for example ap-guangzhou).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is not authorized.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the CAM policies of the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API action does not exist at this endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the endpoint: it must be a cdb endpoint such as cdb.intl.tencentcloudapi.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file transfer failed on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TaskWatch retries automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unknown error occurred on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TaskWatch retries automatically; if it persists, quote the RequestId to support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An internal error occurred on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service is temporarily unavailable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The resource is temporarily unavailable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be reached (connection, DNS, TLS or proxy failure).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the network, the endpoint and the proxy settings. TaskWatch retries automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server or a gateway answered with an HTTP error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usually temporary (for example 504 Gateway Time-out). TaskWatch retries automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response was not the JSON the API documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Often a proxy or gateway page. TaskWatch retries automatically; see the raw response.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response was larger than 1 MiB and was cut off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the endpoint and proxy; see the raw response excerpt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TaskWatch retries automatically. Check the network if it persists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server rejected the credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the SecretId, SecretKey and token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An error the API documents for this request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quote the RequestId to support if the message does not explain it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusStyle</name>
    <message>
        <source>No status yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has not reported a status for this task yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task was created and has not started yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UNDEFINED: created but not started, e.g. waiting for the maintenance window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PAUSED: the task is paused or being terminated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server reported a status that is not documented; it is shown as received and the task is treated as unfinished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task finished successfully.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Killed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task was terminated before it finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling this task returned an error; see the Error column and the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling is on hold for these credentials (authentication failed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskStore</name>
    <message>
        <source>History database %1: %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No history database file was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database %1 was damaged (%2). It was moved aside to %3 and a new, empty history was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database path %1 is a folder, not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database %1 cannot be read: permission denied. Check the file&apos;s owner and permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database %1 is read-only: permission denied. Check the file&apos;s owner and permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the history database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Qt SQLite driver (QSQLITE) is not available: install the Qt 6 SQLite plugin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the history database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database %1 was written by a newer version of TaskWatch (schema version %2; this version understands up to %3). It was left untouched: update TaskWatch, or use another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the history database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the integrity check returned nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an SQLite database but not a TaskWatch history (it has tables and no schema version). It was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database %1 is damaged and could not be moved aside to %2; it was left in place. Move or remove it by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The damaged history database was moved to %1, but %2 could not be moved next to it. Move it by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not upgrade the history database %1 from schema version %2 to %3; it was left unchanged. %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history database is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A task without an id cannot be stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saving task %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removing task %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A history entry without a task id cannot be stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recording history of task %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading the task list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counting the history</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskwatch::CredentialImport</name>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large to be a credentials file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; cannot be used as a profile name (use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: a section header must look like [name].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: the section name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: the section [%3] appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: expected &quot;key = value&quot;, a [section] header or a comment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: a key appears before the first [section] header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contains no credentials (no [section] with secret_id and secret_key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the section [%2] (line %3) has neither secret_id nor secret_key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the section [%2] (line %3) has no secret_id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the section [%2] (line %3) has no secret_key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not valid JSON (%2 at offset %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must contain a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds a tccli %2 login (&quot;type&quot;: &quot;%2&quot;), not API keys; its temporary credentials cannot be imported. Create an API key (SecretId/SecretKey) in the console and use &quot;credentials set&quot; instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must be a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tccli profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY must both be set (and not empty) to import credentials from the environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no profile &quot;%1&quot; to import (found: %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskwatch::CredentialStore</name>
    <message>
        <source>no details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service is available: install and start gnome-keyring (or another Secret Service provider such as KeePassXC or KWallet) in a session with a D-Bus session bus, or set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY in the environment instead. Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused access: the keyring is locked or access was denied. Unlock your login keyring (for example in &quot;Passwords and Keys&quot; / Seahorse, or by logging in to the desktop) and try again. Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No credentials are stored for this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain reported an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain did not answer within %1 s; it may be waiting for an unlock prompt that cannot be shown. Unlock the keyring in your desktop session (or start gnome-keyring unlocked) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid profile name: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both the SecretId and the SecretKey are needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No credentials are stored for profile &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain entry of profile &quot;%1&quot; is damaged (not the expected JSON); store the credentials again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskwatch::TaskTableModel</name>
    <message>
        <source>Task ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RequestId</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AsyncRequestId of the task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task&apos;s execution information, as reported by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the server was last asked about the task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time since the task was added; the final duration once it finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The error of the last query, if it failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The RequestId of the last response: quote it to Tencent Cloud support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next attempt at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quote this RequestId to Tencent Cloud support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskwatch::cli</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than %2 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;%1 %2 --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SecretKey: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token (press Enter for a permanent key): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read standard input: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard input is too long: give the SecretKey on the first line and, for temporary credentials, the Token on the second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No SecretKey on standard input. Pipe it in, one line (a second line may hold the Token), e.g.: printf &apos;%s\n&apos; &quot;$KEY&quot; | cdb-taskwatch credentials set --secret-id ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid profile name: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;cdb-taskwatch credentials %1 --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY are set in this environment; they take precedence over every stored profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stores API keys of a profile in the OS keychain. The SecretKey is read from the first line of standard input and an optional Token (temporary credentials) from the second line; on a terminal both are asked for without echo. Secrets are never accepted as arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile to store (default: &quot;default&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SecretId (AKID...) of the API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default region of the profile, e.g. ap-guangzhou (kept when omitted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API endpoint URL of the profile, e.g. https://cdb.tencentcloudapi.com (kept when omitted; empty = built-in default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also make this the active profile (the first profile stored becomes active anyway).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--secret-id ID is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored the credentials of profile &quot;%1&quot; in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows a profile: the SecretId masked except for its last 4 characters, whether a Token is set, the region and endpoint. The SecretKey is never shown. Exit status 3 when the profile does not exist or the keychain is unavailable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile to show (default: the active one, else &quot;default&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; does not exist (no credentials stored for it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile:   %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (active)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SecretId:  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SecretKey: stored in the keychain (never shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token:     %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set (permanent key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region:    %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint:  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists the stored profiles; the active one is marked with &apos;*&apos;. Does not open the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profiles yet: store one with &apos;cdb-taskwatch credentials set --secret-id ID&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletes a profile: its keys from the keychain and its settings. Exit status 3 when the profile does not exist or the keychain is unavailable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile to delete (default: the active one, else &quot;default&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted profile &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imports existing API keys into the keychain from exactly one source. Everything is read and checked first; nothing is stored when any of it is malformed. Exit status 2 for unreadable or malformed input, 3 when the keychain is unavailable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import every [section] of the Tencent Cloud SDK credentials file (FILE, default $TENCENTCLOUD_CREDENTIALS_FILE or ~/.tencentcloud/credentials) as a profile of the same name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import tccli&apos;s ~/.tccli/PROFILE.credential (region and endpoint from PROFILE.configure when present). OAuth/SSO logins cannot be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and the optional TENCENTCLOUD_TOKEN (and TENCENTCLOUD_REGION).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --tencentcloud: import only this section. With --tccli: store under this name instead of PROFILE. With --env: store under this name (default &quot;default&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credentials file for --tencentcloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give exactly one of --tencentcloud [FILE], --tccli PROFILE or --env.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;cdb-taskwatch credentials import --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported profile(s): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: cdb-taskwatch credentials &lt;command&gt; [options]
Manage Tencent Cloud API keys in the OS keychain (Secret Service). Secrets are never taken as arguments.

Commands:
  set     Store keys: --secret-id ID, SecretKey (and optional Token) on standard input
  show    Show a profile (SecretId masked, never the SecretKey)
  list    List the profiles, &apos;*&apos; marks the active one
  delete  Delete a profile and its keys
  import  Import from ~/.tencentcloud/credentials, tccli or the environment

Run &apos;cdb-taskwatch credentials &lt;command&gt; --help&apos; for the options of a command.
Credentials in TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY (+ TENCENTCLOUD_TOKEN) take precedence over stored profiles.
Exit status: 0 success, 2 usage error or bad input, 3 keychain unavailable or no such profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command: credentials %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs the built-in emulator of the cdb DescribeAsyncRequestInfo endpoint on 127.0.0.1, for trying TaskWatch and for scripts. It verifies TC3 signatures made with the demo credentials (SecretId %1) and prints its URL on the first line of standard output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP port (default: any free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PORT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer every well-formed id (RUNNING, then SUCCESS after SECONDS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per second allowed (default 40).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The emulated server&apos;s clock is ahead by SECONDS (negative: behind).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid --port, --rate-limit or --clock-offset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the history of observed task changes as CSV (RFC 4180, UTF-8, CRLF) with the header
observed_at,task_id,region,status,info,error_code,error_message,request_id
Exit status: 0 written; 1 the history could not be read or the file not written; 2 usage error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to FILE (atomically) instead of standard output (-).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE|-</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only changes observed at or after this time (ISO 8601, e.g. 2026-11-27T19:00:00Z or 2026-11-27).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO-8601</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this task (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with a UTF-8 byte order mark so that Excel detects the encoding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--since: not an ISO 8601 date or time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--id: not a task id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows written to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RETRYING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no status)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polls TencentDB for MySQL asynchronous tasks (DescribeAsyncRequestInfo) until every one has finished, printing one line per observed change of a task.

Exit status: 0 every task ended SUCCESS; 1 at least one ended FAILED, KILLED or REMOVED, or failed permanently; 2 usage error; 3 no credentials or the server rejected them; 4 --timeout reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region of the tasks, e.g. ap-guangzhou. Default: $TENCENTCLOUD_REGION, then the profile&apos;s region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REGION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API endpoint. Default: the profile&apos;s, else https://cdb.intl.tencentcloudapi.com. Plain http only for loopback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read task ids from FILE (or standard input for -): any text, ids are extracted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum seconds between two polls of the same task (default 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up after SECONDS with exit status 4 (default: wait forever).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most N requests per second for the credential, 1 to 40 (default 40).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One JSON object per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain profile to use when no TENCENTCLOUD_SECRET_ID/KEY are set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not record the changes in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task ids (AsyncRequestId), or any text containing them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--interval must be a number of seconds from 0.1 to 86400.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-rate must be a whole number from 1 to 40.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout must be a positive number of seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: not a task id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No task ids given. Pass ids as arguments or with --ids-from FILE|-.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No region: pass --region (e.g. ap-guangzhou) or set TENCENTCLOUD_REGION.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No credentials: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, or store a profile with &apos;cdb-taskwatch credentials set&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: history disabled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your clock differs from the server&apos;s by %1 s (corrected).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server rejected the credentials (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed out after %1 s with %2 task(s) unfinished.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskwatch::ui</name>
    <message>
        <source>CDB TaskWatch: watch TencentDB for MySQL asynchronous tasks (AsyncRequestId) until they finish.
Headless commands: watch, export-csv, credentials, emulator (see &apos;cdb-taskwatch COMMAND --help&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the app against the built-in emulator (no account needed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region for the tasks given here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REGION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API endpoint URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain profile to use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the task ids found in FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task ids to add (any text containing them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskwatch::ui::AddTasksDialog</name>
    <message>
        <source>Add Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste AsyncRequestIds, one per line, or any text that contains them (an API response, log lines, tccli output).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The region of the instance the tasks belong to: a task exists only in its region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 task id found</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n task ids found</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No task id found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 line not recognised</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n lines not recognised</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>taskwatch::ui::CredentialsDialog</name>
    <message>
        <source>Credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY are set in the environment: they take precedence over the profiles below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AKID…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret&amp;Id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the SecretKey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the SecretKey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only for temporary (STS) credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. ap-guangzhou</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The region used for tasks added without one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>International — cdb.intl.tencentcloudapi.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mainland China — cdb.tencentcloudapi.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regional — cdb.&lt;region&gt;.tencentcloudapi.com (follows the region)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Financial zone — cdb.&lt;region&gt;.tencentcloudapi.com (ap-shanghai-fsi, ap-shenzhen-fsi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send one request with these values (nothing is saved) to check that the keys are accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use for this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep these keys in memory until the application quits; nothing is written to disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From ~/.tencentcloud/&amp;credentials…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SDKs&apos; credentials file (or $TENCENTCLOUD_CREDENTIALS_FILE); each section is a profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From a &amp;tccli profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the &amp;environment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and optionally TENCENTCLOUD_TOKEN and TENCENTCLOUD_REGION.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The regional endpoint needs a region: choose one above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a region name (lowercase letters, digits and &apos;-&apos;, e.g. ap-guangzhou).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The financial zone endpoint is for the regions ap-shanghai-fsi and ap-shenzhen-fsi: choose one of them as the region, or another endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the endpoint URL, e.g. https://cdb.tencentcloudapi.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Financial-zone regions (ap-shanghai-fsi, ap-shenzhen-fsi) require their own host; the international and mainland hosts do not serve them. Choose &quot;Financial zone&quot; to use %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose or create a profile first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the SecretId and the SecretKey.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the SecretId.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the SecretKey.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests go to %1. Financial-zone regions (ap-shanghai-fsi, ap-shenzhen-fsi) require their own host: they are not served by the international, mainland or other regional hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests go to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a profile with &quot;New profile…&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile &quot;%1&quot;: enter its keys and Save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; loaded from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keys are stored for profile &quot;%1&quot; yet: enter them and Save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid profile name: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name (letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete profile &quot;%1&quot;? Its keys are removed from the keychain; this cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing profile &quot;%1&quot; from the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted profile &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing to the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved profile &quot;%1&quot; in the keychain; it is now the active profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These keys are used for this session only: nothing was written to the keychain or to disk, and they are forgotten when the application quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain reported an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was stored. You can still use the keys for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No network access is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the keys against %1 (region %2)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keys and signature were accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Server message: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network problem, the keys were not checked: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All profiles (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has several profiles. Which should be imported?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from tccli</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tccli profile name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the environment&apos;s keys as profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These profiles already exist and their keys will be replaced: %1. Continue?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There was nothing to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported before the failure: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n profile(s): %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskwatch::ui::DetailsPanel</name>
    <message>
        <source>Waiting for the first query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling; next query at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying (failures in a row: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished (no longer polled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped by an error (Retry polls it again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hold (the credentials were rejected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a task to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last checked:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the RequestId to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RequestId:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has not sent any Info for this task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RequestId</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last query succeeded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meaning:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No response received yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last status: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>taskwatch::ui::GuiController</name>
    <message>
        <source>History disabled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the demo emulator: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo uses built-in credentials; run without --demo to set up your own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the history of all tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Export the history of %n selected task(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>taskwatch::ui::MainWindow</name>
    <message>
        <source>No task ids found</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already present</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>1 line not recognised</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n lines not recognised</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>CDB TaskWatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Tasks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add task ids (Ctrl+N); you can also paste them with Ctrl+V or drop text here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste Task IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query the selected tasks, or all unfinished tasks, now (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause Polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop sending queries until you resume (Ctrl+Shift+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll the selected tasks again, even after an error (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected tasks from the list; their history is kept (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Request&amp;Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cr&amp;edentials…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only tasks that are still running or waiting (Ctrl+H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop &amp;Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a desktop notification when a task finishes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by ID, status or Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RequestId copied to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the lines in which no task id was found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queries sent in the last second (the API allows 40 per second)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server asked to slow down (%1): polling at half rate for a while</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s clock differs from the server&apos;s by %1 s; requests are corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task finished: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tasks finished</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The credentials were rejected: polling is on hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credentials were rejected (%1): polling is on hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines Without a Task ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 line did not contain a task id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n lines did not contain a task id:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(the first %n are shown)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The clipboard holds no text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task ids copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished tasks cleared: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing every unfinished task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing the selected tasks: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume &amp;Polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 active · %2 finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not polling: no credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling on hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next poll in &lt;1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next poll in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No credentials: tasks are not polled yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a Tencent Cloud API key (SecretId and SecretKey) to start. Tasks you add now wait in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Up Credentials…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the same credentials again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain is not available: credentials cannot be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: no network connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling goes on and recovers by itself when the network is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: tasks come from the built-in emulator, not from Tencent Cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history could not be saved; polling goes on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CDB TaskWatch (Demo)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
