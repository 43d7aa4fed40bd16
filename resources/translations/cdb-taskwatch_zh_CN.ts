<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApiClient</name>
    <message>
        <source>The endpoint &quot;%1&quot; is not a valid URL.</source>
        <translation>接入点“%1”不是有效的 URL。</translation>
    </message>
    <message>
        <source>Plain http is allowed only for a loopback address (127.0.0.1, ::1, localhost); use https for %1.</source>
        <translation>仅环回地址（127.0.0.1、::1、localhost）允许使用明文 http；%1 请使用 https。</translation>
    </message>
    <message>
        <source>The endpoint must use https (got &quot;%1&quot;).</source>
        <translation>接入点必须使用 https（当前为“%1”）。</translation>
    </message>
    <message>
        <source>No complete answer within %1 s.</source>
        <translation>%1 秒内未收到完整响应。</translation>
    </message>
    <message>
        <source>The response exceeded %1 bytes and was cut off.</source>
        <translation>响应超过 %1 字节，已被截断。</translation>
    </message>
    <message>
        <source>The response body was empty.</source>
        <translation>响应正文为空。</translation>
    </message>
    <message>
        <source>The response is not JSON: %1.</source>
        <translation>响应不是 JSON：%1。</translation>
    </message>
    <message>
        <source>The response has no &quot;Response&quot; object.</source>
        <translation>响应中没有 &quot;Response&quot; 对象。</translation>
    </message>
    <message>
        <source>The response has an Error without a Code.</source>
        <translation>响应中的 Error 缺少 Code。</translation>
    </message>
    <message>
        <source>Status or Info is neither a string nor null.</source>
        <translation>Status 或 Info 既不是字符串也不是 null。</translation>
    </message>
    <message>
        <source>Not a region id: %1</source>
        <translation>不是有效的地域 ID：%1</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed: %2</source>
        <translation>与 %1 的 TLS 握手失败：%2</translation>
    </message>
    <message>
        <source>The server certificate of %1 was refused: %2</source>
        <translation>%1 的服务器证书被拒绝：%2</translation>
    </message>
    <message>
        <source>Not a %1 task id: %2</source>
        <translation>不是 %1 的任务 ID：%2</translation>
    </message>
</context>
<context>
    <name>CsvWriter</name>
    <message>
        <source>The CSV output is not open for writing.</source>
        <translation>CSV 输出未以写入方式打开。</translation>
    </message>
    <message>
        <source>Writing the CSV output failed.</source>
        <translation>写入 CSV 输出失败。</translation>
    </message>
    <message>
        <source>No output file was given for the CSV export.</source>
        <translation>未指定 CSV 导出的输出文件。</translation>
    </message>
    <message>
        <source>Cannot write the CSV export to standard output: %1</source>
        <translation>无法将 CSV 导出写入标准输出：%1</translation>
    </message>
    <message>
        <source>Cannot write the CSV export to %1: it is a folder.</source>
        <translation>无法将 CSV 导出写入 %1：它是一个文件夹。</translation>
    </message>
    <message>
        <source>Cannot write the CSV export to %1: %2</source>
        <translation>无法将 CSV 导出写入 %1：%2</translation>
    </message>
    <message>
        <source>standard output</source>
        <translation>标准输出</translation>
    </message>
    <message>
        <source>Writing the CSV export to %1 failed: %2</source>
        <translation>将 CSV 导出写入 %1 失败：%2</translation>
    </message>
    <message>
        <source>Reading the history for the CSV export failed: %1</source>
        <translation>读取 CSV 导出所需的历史记录失败：%1</translation>
    </message>
</context>
<context>
    <name>Discovery</name>
    <message>
        <source>Rollback</source>
        <translation>回档</translation>
    </message>
    <message>
        <source>SQL operation</source>
        <translation>SQL 操作</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <source>Modify parameters</source>
        <translation>修改参数</translation>
    </message>
    <message>
        <source>Initialise instance</source>
        <translation>初始化实例</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Enable GTID</source>
        <translation>开启 GTID</translation>
    </message>
    <message>
        <source>Upgrade read-only instance</source>
        <translation>升级只读实例</translation>
    </message>
    <message>
        <source>Batch rollback</source>
        <translation>批量回档</translation>
    </message>
    <message>
        <source>Upgrade primary instance</source>
        <translation>升级主实例</translation>
    </message>
    <message>
        <source>Drop tables</source>
        <translation>删除表</translation>
    </message>
    <message>
        <source>Promote disaster-recovery instance</source>
        <translation>灾备实例提升为主实例</translation>
    </message>
</context>
<context>
    <name>DiscoveryClient</name>
    <message>
        <source>The account may not call %1: its CAM policy lacks the permission %2 (%3: %4). Discovery is off for this account; pasted ids are still polled.</source>
        <translation>该账号无权调用 %1：其 CAM 策略缺少权限 %2（%3：%4）。此账号的任务发现已关闭；粘贴的任务 ID 仍会继续轮询。</translation>
    </message>
    <message>
        <source>The region %1 is not available to this account (%2: %3): skipped.</source>
        <translation>此账号不可用地域 %1（%2：%3）：已跳过。</translation>
    </message>
    <message>
        <source>The credentials were rejected (%1: %2).</source>
        <translation>凭据被拒绝（%1：%2）。</translation>
    </message>
    <message>
        <source>%1 failed (%2: %3).</source>
        <translation>%1 失败（%2：%3）。</translation>
    </message>
    <message>
        <source>The account may not call %1: its CAM policy lacks the permission %2 (%3: %4). Tasks are listed without instance names.</source>
        <translation>该账号无权调用 %1：其 CAM 策略缺少权限 %2（%3：%4）。任务将在不带实例名称的情况下列出。</translation>
    </message>
</context>
<context>
    <name>ErrorCatalog</name>
    <message>
        <source>The request&apos;s timestamp differs from the server&apos;s clock by more than 5 minutes.</source>
        <translation>请求的时间戳与服务器时间相差超过 5 分钟。</translation>
    </message>
    <message>
        <source>Set this computer&apos;s clock right (enable NTP time synchronisation). TaskWatch corrects the offset automatically when the server sends its time.</source>
        <translation>请校准本机时钟（开启 NTP 时间同步）。服务器返回其时间时，TaskWatch 会自动校正时间偏差。</translation>
    </message>
    <message>
        <source>The SecretId does not exist, or the key was deleted or disabled.</source>
        <translation>SecretId 不存在，或密钥已被删除或禁用。</translation>
    </message>
    <message>
        <source>Check the key in the CAM console (API Keys), look for stray spaces, and update the credentials.</source>
        <translation>请在 CAM 控制台（API 密钥管理）中核对密钥，检查是否有多余的空格，并更新凭证。</translation>
    </message>
    <message>
        <source>The signature is wrong: the SecretKey does not match the SecretId.</source>
        <translation>签名错误：SecretKey 与 SecretId 不匹配。</translation>
    </message>
    <message>
        <source>Enter the SecretKey again (copy it without spaces) and check it belongs to this SecretId.</source>
        <translation>请重新输入 SecretKey（复制时不要带空格），并确认它属于该 SecretId。</translation>
    </message>
    <message>
        <source>The SecretId is not a valid API key.</source>
        <translation>SecretId 不是有效的 API 密钥。</translation>
    </message>
    <message>
        <source>Use an API key SecretId (it starts with AKID) from the CAM console.</source>
        <translation>请使用 CAM 控制台中 API 密钥的 SecretId（以 AKID 开头）。</translation>
    </message>
    <message>
        <source>The temporary credential&apos;s token is invalid or has expired.</source>
        <translation>临时凭证的 Token 无效或已过期。</translation>
    </message>
    <message>
        <source>Obtain a new temporary key pair and token, or remove the token when using permanent keys.</source>
        <translation>请获取新的临时密钥对和 Token；如使用永久密钥，请删除 Token。</translation>
    </message>
    <message>
        <source>The Authorization header is malformed.</source>
        <translation>Authorization 请求头格式错误。</translation>
    </message>
    <message>
        <source>Report this to the TaskWatch developers with the RequestId.</source>
        <translation>请将此问题连同 RequestId 报告给 TaskWatch 开发者。</translation>
    </message>
    <message>
        <source>Multi-factor authentication failed.</source>
        <translation>多因子认证失败。</translation>
    </message>
    <message>
        <source>Check the MFA settings of the sub-account in the CAM console.</source>
        <translation>请在 CAM 控制台中检查该子账号的 MFA 设置。</translation>
    </message>
    <message>
        <source>The key is not authorized for this operation (CAM).</source>
        <translation>该密钥无权执行此操作（CAM）。</translation>
    </message>
    <message>
        <source>Grant the sub-account a CAM policy that allows cdb:DescribeAsyncRequestInfo.</source>
        <translation>请为该子账号授予允许 cdb:DescribeAsyncRequestInfo 的 CAM 策略。</translation>
    </message>
    <message>
        <source>Too many requests: the 40 requests per second limit was exceeded.</source>
        <translation>请求过多：超过了每秒 40 次的请求频率限制。</translation>
    </message>
    <message>
        <source>TaskWatch slows down by itself. If other tools poll with the same key, lower --max-rate.</source>
        <translation>TaskWatch 会自动降低请求频率。如有其他工具使用同一密钥轮询，请调低 --max-rate。</translation>
    </message>
    <message>
        <source>The asynchronous task does not exist.</source>
        <translation>异步任务不存在。</translation>
    </message>
    <message>
        <source>Check the region (a task exists only in the region of its instance) and that the id was not mistyped.</source>
        <translation>请检查地域（任务仅存在于其实例所在的地域），并确认任务 ID 没有输错。</translation>
    </message>
    <message>
        <source>A parameter of the request is wrong.</source>
        <translation>请求参数错误。</translation>
    </message>
    <message>
        <source>Check the task id and the region.</source>
        <translation>请检查任务 ID 和地域。</translation>
    </message>
    <message>
        <source>This account is not authorized to access the requested resource.</source>
        <translation>该账号无权访问所请求的资源。</translation>
    </message>
    <message>
        <source>Attach a CAM policy that allows cdb:DescribeAsyncRequestInfo to this sub-account.</source>
        <translation>请为该子账号关联允许 cdb:DescribeAsyncRequestInfo 的 CAM 策略。</translation>
    </message>
    <message>
        <source>The operation was denied.</source>
        <translation>操作被拒绝。</translation>
    </message>
    <message>
        <source>Check the account&apos;s permissions and the instance&apos;s state.</source>
        <translation>请检查账号权限和实例状态。</translation>
    </message>
    <message>
        <source>The backend task reported an error.</source>
        <translation>后端任务报告了错误。</translation>
    </message>
    <message>
        <source>Open a support ticket and quote the RequestId.</source>
        <translation>请提交工单并提供 RequestId。</translation>
    </message>
    <message>
        <source>This API is not available in the chosen region.</source>
        <translation>该 API 在所选地域不可用。</translation>
    </message>
    <message>
        <source>Choose the region of the instance (for example ap-guangzhou).</source>
        <translation>请选择实例所在的地域（例如 ap-guangzhou）。</translation>
    </message>
    <message>
        <source>The request is not authorized.</source>
        <translation>请求未授权。</translation>
    </message>
    <message>
        <source>Check the CAM policies of the key.</source>
        <translation>请检查该密钥的 CAM 策略。</translation>
    </message>
    <message>
        <source>The API action does not exist at this endpoint.</source>
        <translation>该接入点不存在此 API 接口。</translation>
    </message>
    <message>
        <source>Check the endpoint: it must be a cdb endpoint such as cdb.intl.tencentcloudapi.com.</source>
        <translation>请检查接入点：必须是 cdb 接入点，例如 cdb.intl.tencentcloudapi.com。</translation>
    </message>
    <message>
        <source>A file transfer failed on the server.</source>
        <translation>服务器端文件传输失败。</translation>
    </message>
    <message>
        <source>TaskWatch retries automatically.</source>
        <translation>TaskWatch 会自动重试。</translation>
    </message>
    <message>
        <source>An unknown error occurred on the server.</source>
        <translation>服务器发生未知错误。</translation>
    </message>
    <message>
        <source>TaskWatch retries automatically; if it persists, quote the RequestId to support.</source>
        <translation>TaskWatch 会自动重试；如问题持续存在，请向技术支持提供 RequestId。</translation>
    </message>
    <message>
        <source>An internal error occurred on the server.</source>
        <translation>服务器发生内部错误。</translation>
    </message>
    <message>
        <source>The service is temporarily unavailable.</source>
        <translation>服务暂时不可用。</translation>
    </message>
    <message>
        <source>The resource is temporarily unavailable.</source>
        <translation>资源暂时不可用。</translation>
    </message>
    <message>
        <source>The server could not be reached (connection, DNS, TLS or proxy failure).</source>
        <translation>无法连接到服务器（连接、DNS、TLS 或代理故障）。</translation>
    </message>
    <message>
        <source>Check the network, the endpoint and the proxy settings. TaskWatch retries automatically.</source>
        <translation>请检查网络、接入点和代理设置。TaskWatch 会自动重试。</translation>
    </message>
    <message>
        <source>The server or a gateway answered with an HTTP error.</source>
        <translation>服务器或网关返回了 HTTP 错误。</translation>
    </message>
    <message>
        <source>Usually temporary (for example 504 Gateway Time-out). TaskWatch retries automatically.</source>
        <translation>通常是暂时性的（例如 504 Gateway Time-out）。TaskWatch 会自动重试。</translation>
    </message>
    <message>
        <source>The response was not the JSON the API documents.</source>
        <translation>响应不是 API 文档所述的 JSON 格式。</translation>
    </message>
    <message>
        <source>Often a proxy or gateway page. TaskWatch retries automatically; see the raw response.</source>
        <translation>通常是代理或网关返回的页面。TaskWatch 会自动重试；请查看原始响应。</translation>
    </message>
    <message>
        <source>The response was larger than 1 MiB and was cut off.</source>
        <translation>响应超过 1 MiB，已被截断。</translation>
    </message>
    <message>
        <source>Check the endpoint and proxy; see the raw response excerpt.</source>
        <translation>请检查接入点和代理，并查看原始响应摘录。</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>服务器未及时响应。</translation>
    </message>
    <message>
        <source>TaskWatch retries automatically. Check the network if it persists.</source>
        <translation>TaskWatch 会自动重试。如问题持续存在，请检查网络。</translation>
    </message>
    <message>
        <source>The server rejected the credentials.</source>
        <translation>服务器拒绝了该凭证。</translation>
    </message>
    <message>
        <source>Check the SecretId, SecretKey and token.</source>
        <translation>请检查 SecretId、SecretKey 和 Token。</translation>
    </message>
    <message>
        <source>An error the API documents for this request.</source>
        <translation>API 文档中为该请求定义的错误。</translation>
    </message>
    <message>
        <source>Quote the RequestId to support if the message does not explain it.</source>
        <translation>如错误信息未能说明原因，请向技术支持提供 RequestId。</translation>
    </message>
    <message>
        <source>The region is not a valid region id, so the request was not sent.</source>
        <translation>地域不是有效的地域 ID，因此未发送请求。</translation>
    </message>
    <message>
        <source>Remove the task and add it again with a region such as ap-guangzhou.</source>
        <translation>请移除该任务，并使用 ap-guangzhou 之类的地域重新添加。</translation>
    </message>
    <message>
        <source>The TLS connection was refused: the server&apos;s certificate is not trusted, has expired or is for another host, or the handshake failed. Nothing was sent.</source>
        <translation>TLS 连接被拒绝：服务器证书不受信任、已过期或属于其他主机，或握手失败。请求未发送。</translation>
    </message>
    <message>
        <source>Check the endpoint and this computer&apos;s clock. Behind a TLS-inspecting proxy, set SSL_CERT_FILE to a PEM bundle that includes its CA. Certificate errors are never ignored; TaskWatch retries with backoff.</source>
        <translation>请检查接入点和本机时钟。如果经过会检查 TLS 流量的代理，请将 SSL_CERT_FILE 设为包含其 CA 的 PEM 证书包。证书错误从不被忽略；TaskWatch 会按退避间隔重试。</translation>
    </message>
    <message>
        <source>The endpoint answered with an HTTP redirect; TaskWatch never follows redirects.</source>
        <translation>端点返回了 HTTP 重定向；TaskWatch 从不跟随重定向。</translation>
    </message>
    <message>
        <source>Set the right endpoint (the message names where it redirects to).</source>
        <translation>请设置正确的端点（消息中给出了重定向的目标地址）。</translation>
    </message>
    <message>
        <source>The endpoint refused the request with an HTTP client error (wrong URL, access denied, or a proxy that needs authentication).</source>
        <translation>端点以 HTTP 客户端错误拒绝了请求（URL 错误、访问被拒绝，或代理需要身份验证）。</translation>
    </message>
    <message>
        <source>Check the endpoint URL and the proxy settings; the message names the HTTP status.</source>
        <translation>请检查端点 URL 和代理设置；消息中给出了 HTTP 状态码。</translation>
    </message>
    <message>
        <source>The endpoint redirects (HTTP %1); set the right endpoint.</source>
        <translation>端点发生重定向（HTTP %1）；请设置正确的端点。</translation>
    </message>
    <message>
        <source>The endpoint redirects (HTTP %1) to %2; set the right endpoint.</source>
        <translation>端点重定向（HTTP %1）到 %2；请设置正确的端点。</translation>
    </message>
    <message>
        <source>The endpoint refused access (HTTP %1): check the endpoint URL and any gateway or proxy in between.</source>
        <translation>端点拒绝访问（HTTP %1）：请检查端点 URL 以及中间的网关或代理。</translation>
    </message>
    <message>
        <source>The endpoint answered HTTP 404 (Not Found): the URL is wrong; set the right endpoint.</source>
        <translation>端点返回 HTTP 404（未找到）：URL 有误；请设置正确的端点。</translation>
    </message>
    <message>
        <source>The proxy requires authentication (HTTP 407): set the proxy&apos;s user name and password.</source>
        <translation>代理需要身份验证（HTTP 407）：请设置代理的用户名和密码。</translation>
    </message>
    <message>
        <source>The endpoint rejected the request (HTTP %1): check the endpoint URL.</source>
        <translation>端点拒绝了请求（HTTP %1）：请检查端点 URL。</translation>
    </message>
    <message>
        <source>HTTP status %1 from the server.</source>
        <translation>服务器返回 HTTP 状态码 %1。</translation>
    </message>
    <message>
        <source>The task itself failed: DescribeTasks reports this code and message for it.</source>
        <translation>任务本身失败：DescribeTasks 为其报告了此错误码和消息。</translation>
    </message>
    <message>
        <source>Read the message, fix the cause on the instance (see its task list in the console) and run the operation again.</source>
        <translation>请阅读消息，在实例上排除原因（参见控制台中该实例的任务列表），然后重新执行该操作。</translation>
    </message>
    <message>
        <source>The service does not know this task, 30 s after it was added.</source>
        <translation>添加 30 秒后，服务仍不知道此任务。</translation>
    </message>
    <message>
        <source>Check the product, the region (a task exists only in the region of its instance) and that the id was not mistyped.</source>
        <translation>检查产品、地域（任务只存在于其实例所在的地域）以及 ID 是否输错。</translation>
    </message>
    <message>
        <source>The id is not a task id of its product, so the request was not sent.</source>
        <translation>该 ID 不是其产品的任务 ID，因此未发送请求。</translation>
    </message>
    <message>
        <source>Remove the task and add it again with the product&apos;s id.</source>
        <translation>移除该任务，并用该产品的 ID 重新添加。</translation>
    </message>
</context>
<context>
    <name>ProductAdapter</name>
    <message>
        <source>MySQL</source>
        <translation>MySQL</translation>
    </message>
    <message>
        <source>MongoDB</source>
        <translation>MongoDB</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>Redis</source>
        <translation>Redis</translation>
    </message>
</context>
<context>
    <name>ProductDiscovery</name>
    <message>
        <source>The account %1 does not poll yet.</source>
        <translation>账号 %1 尚未开始轮询。</translation>
    </message>
    <message>
        <source>Only the newest %1 pages were read.</source>
        <translation>只读取了最新的 %1 页。</translation>
    </message>
</context>
<context>
    <name>ProductListing</name>
    <message>
        <source>%1 has no action that lists tasks.</source>
        <translation>%1 没有列出任务的接口。</translation>
    </message>
    <message>
        <source>The account may not call %1 of %2 (%3: %4). %5</source>
        <translation>账号无权调用 %2 的 %1（%3：%4）。%5</translation>
    </message>
    <message>
        <source>The region %1 is not available to this account for %2 (%3: %4).</source>
        <translation>此账号无法在地域 %1 使用 %2（%3：%4）。</translation>
    </message>
    <message>
        <source>The credentials were rejected (%1: %2).</source>
        <translation>凭据被拒绝（%1：%2）。</translation>
    </message>
    <message>
        <source>%1 of %2 failed in %3 (%4: %5).</source>
        <translation>%2 的 %1 在 %3 失败（%4：%5）。</translation>
    </message>
    <message>
        <source>%1 of %2 answered what it does not document: %3</source>
        <translation>%2 的 %1 返回了文档中没有的内容：%3</translation>
    </message>
</context>
<context>
    <name>Products</name>
    <message>
        <source>%1 has no TaskId.</source>
        <translation>%1 没有 TaskId。</translation>
    </message>
    <message>
        <source>%1 is not an object.</source>
        <translation>%1 不是对象。</translation>
    </message>
    <message>
        <source>Grant the sub-account a CAM policy that allows %1.</source>
        <translation>请为该子账号授予允许 %1 的 CAM 策略。</translation>
    </message>
    <message>
        <source>%1 has no action that lists tasks.</source>
        <translation>%1 没有列出任务的接口。</translation>
    </message>
    <message>
        <source>The field %1 is not %2.</source>
        <translation>字段 %1 不是%2。</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>a task id</source>
        <translation>任务 ID</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
</context>
<context>
    <name>SendBudget</name>
    <message>
        <source>not a regular file of yours, or accessible to others</source>
        <translation>不是属于您的普通文件，或其他用户可以访问</translation>
    </message>
    <message>
        <source>Pacing is per process: %1. Other TaskWatch windows or watch runs with the same SecretId are not counted in its 40 requests per second.</source>
        <translation>按进程单独限速：%1。使用相同 SecretId 的其他 TaskWatch 窗口或 watch 运行不计入其每秒 40 次请求。</translation>
    </message>
    <message>
        <source>cannot use %1: %2</source>
        <translation>无法使用 %1：%2</translation>
    </message>
</context>
<context>
    <name>StatusStyle</name>
    <message>
        <source>No status yet</source>
        <translation>暂无状态</translation>
    </message>
    <message>
        <source>The server has not reported a status for this task yet.</source>
        <translation>服务器尚未返回该任务的状态。</translation>
    </message>
    <message>
        <source>Initial</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>The task was created and has not started yet.</source>
        <translation>任务已创建，尚未开始。</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>待执行</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>The task is running.</source>
        <translation>任务正在运行。</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>PAUSED: the task is paused or being terminated.</source>
        <translation>PAUSED：任务已暂停或正在终止。</translation>
    </message>
    <message>
        <source>Unknown status</source>
        <translation>未知状态</translation>
    </message>
    <message>
        <source>The server reported a status that is not documented; it is shown as received and the task is treated as unfinished.</source>
        <translation>服务器返回了文档中未定义的状态；该状态按原样显示，任务视为未完成。</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>The task finished successfully.</source>
        <translation>任务已成功完成。</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>The task failed.</source>
        <translation>任务执行失败。</translation>
    </message>
    <message>
        <source>Killed</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>The task was terminated before it finished.</source>
        <translation>任务在完成前被终止。</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>The task was removed.</source>
        <translation>任务已被删除。</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Polling this task returned an error; see the Error column and the details.</source>
        <translation>轮询该任务时返回了错误；请查看“错误”列和详细信息。</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>Polling is on hold for these credentials (authentication failed).</source>
        <translation>已暂停使用该凭证轮询（身份验证失败）。</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>重试中</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>UNDEFINED or WAITING: created but not started, e.g. waiting for the maintenance window.</source>
        <translation>UNDEFINED 或 WAITING：已创建但尚未开始，例如正在等待维护时间窗。</translation>
    </message>
</context>
<context>
    <name>TaskStore</name>
    <message>
        <source>History database %1: %2 failed: %3</source>
        <translation>历史记录数据库 %1：%2 失败：%3</translation>
    </message>
    <message>
        <source>No history database file was given.</source>
        <translation>未指定历史记录数据库文件。</translation>
    </message>
    <message>
        <source>The history database %1 was damaged (%2). It was moved aside to %3 and a new, empty history was started.</source>
        <translation>历史记录数据库 %1 已损坏（%2）。已将其移至 %3，并新建了空的历史记录。</translation>
    </message>
    <message>
        <source>The history database path %1 is a folder, not a file.</source>
        <translation>历史记录数据库路径 %1 是文件夹，而不是文件。</translation>
    </message>
    <message>
        <source>The history database %1 cannot be read: permission denied. Check the file&apos;s owner and permissions.</source>
        <translation>无法读取历史记录数据库 %1：权限被拒绝。请检查该文件的所有者和权限。</translation>
    </message>
    <message>
        <source>The history database %1 is read-only: permission denied. Check the file&apos;s owner and permissions.</source>
        <translation>历史记录数据库 %1 为只读：权限被拒绝。请检查该文件的所有者和权限。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the history database.</source>
        <translation>无法为历史记录数据库创建文件夹 %1。</translation>
    </message>
    <message>
        <source>The Qt SQLite driver (QSQLITE) is not available: install the Qt 6 SQLite plugin.</source>
        <translation>Qt SQLite 驱动（QSQLITE）不可用：请安装 Qt 6 SQLite 插件。</translation>
    </message>
    <message>
        <source>Cannot open the history database %1: %2</source>
        <translation>无法打开历史记录数据库 %1：%2</translation>
    </message>
    <message>
        <source>The history database %1 was written by a newer version of TaskWatch (schema version %2; this version understands up to %3). It was left untouched: update TaskWatch, or use another file.</source>
        <translation>历史记录数据库 %1 由更新版本的 TaskWatch 写入（架构版本 %2；当前版本最高支持 %3）。该文件未做任何改动：请更新 TaskWatch，或使用其他文件。</translation>
    </message>
    <message>
        <source>Cannot read the history database %1: %2</source>
        <translation>无法读取历史记录数据库 %1：%2</translation>
    </message>
    <message>
        <source>the integrity check returned nothing</source>
        <translation>完整性检查未返回任何结果</translation>
    </message>
    <message>
        <source>%1 is an SQLite database but not a TaskWatch history (it has tables and no schema version). It was left untouched.</source>
        <translation>%1 是 SQLite 数据库，但不是 TaskWatch 历史记录（其中有数据表但没有架构版本）。该文件未做任何改动。</translation>
    </message>
    <message>
        <source>The history database %1 is damaged and could not be moved aside to %2; it was left in place. Move or remove it by hand.</source>
        <translation>历史记录数据库 %1 已损坏，且无法移至 %2；该文件仍保留在原处。请手动移动或删除它。</translation>
    </message>
    <message>
        <source>The damaged history database was moved to %1, but %2 could not be moved next to it. Move it by hand.</source>
        <translation>已损坏的历史记录数据库已移至 %1，但无法将 %2 一并移到其旁边。请手动移动。</translation>
    </message>
    <message>
        <source>Could not upgrade the history database %1 from schema version %2 to %3; it was left unchanged. %4</source>
        <translation>无法将历史记录数据库 %1 从架构版本 %2 升级到 %3；该文件未做改动。%4</translation>
    </message>
    <message>
        <source>The history database is not open.</source>
        <translation>历史记录数据库未打开。</translation>
    </message>
    <message>
        <source>A task without an id cannot be stored.</source>
        <translation>无法保存没有 ID 的任务。</translation>
    </message>
    <message>
        <source>saving task %1</source>
        <translation>保存任务 %1</translation>
    </message>
    <message>
        <source>removing task %1</source>
        <translation>移除任务 %1</translation>
    </message>
    <message>
        <source>A history entry without a task id cannot be stored.</source>
        <translation>无法保存没有任务 ID 的历史记录条目。</translation>
    </message>
    <message>
        <source>recording history of task %1</source>
        <translation>记录任务 %1 的历史</translation>
    </message>
    <message>
        <source>loading the task list</source>
        <translation>加载任务列表</translation>
    </message>
    <message>
        <source>reading the history</source>
        <translation>读取历史记录</translation>
    </message>
    <message>
        <source>counting the history</source>
        <translation>统计历史记录</translation>
    </message>
</context>
<context>
    <name>TlsTrust</name>
    <message>
        <source>%1=%2 cannot be read (%3).</source>
        <translation>%1=%2 无法读取（%3）。</translation>
    </message>
    <message>
        <source>%1=%2 is larger than %3 MiB.</source>
        <translation>%1=%2 大于 %3 MiB。</translation>
    </message>
    <message>
        <source>%1=%2 holds no PEM certificate.</source>
        <translation>%1=%2 中没有 PEM 证书。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Run the commands in a console with cdb-taskwatch-cli.exe, for example: cdb-taskwatch-cli watch --help</source>
        <translation>请在控制台中用 cdb-taskwatch-cli.exe 运行命令，例如：cdb-taskwatch-cli watch --help</translation>
    </message>
</context>
<context>
    <name>taskwatch::AccountLoader</name>
    <message>
        <source>TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY are not set in this session.</source>
        <translation>本会话中未设置 TENCENTCLOUD_SECRET_ID 和 TENCENTCLOUD_SECRET_KEY。</translation>
    </message>
    <message>
        <source>The keychain has no credentials for this profile.</source>
        <translation>钥匙串中没有此配置的凭证。</translation>
    </message>
</context>
<context>
    <name>taskwatch::AccountPoller</name>
    <message>
        <source>HTTP status %1</source>
        <translation>HTTP 状态码 %1</translation>
    </message>
</context>
<context>
    <name>taskwatch::AddReport</name>
    <message>
        <source>No task ids found</source>
        <translation>未找到任务 ID</translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>已添加 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already present</source>
        <translation>
            <numerusform>%n 个已存在</numerusform>
        </translation>
    </message>
    <message>
        <source>1 line not recognised</source>
        <translation>1 行无法识别</translation>
    </message>
    <message numerus="yes">
        <source>%n lines not recognised</source>
        <translation>
            <numerusform>%n 行无法识别</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not an id of the product named</source>
        <translation>
            <numerusform>%n 个不是所指产品的 ID</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>taskwatch::CredentialImport</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is too large to be a credentials file.</source>
        <translation>%1 过大，不可能是凭证文件。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; cannot be used as a profile name (use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;).</source>
        <translation>%1：“%2”不能用作配置名称（请使用 1 到 64 个字母、数字、&apos;.&apos;、&apos;_&apos; 或 &apos;-&apos;）。</translation>
    </message>
    <message>
        <source>%1, line %2: a section header must look like [name].</source>
        <translation>%1，第 %2 行：节标题的格式必须为 [name]。</translation>
    </message>
    <message>
        <source>%1, line %2: the section name is empty.</source>
        <translation>%1，第 %2 行：节名称为空。</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1，第 %2 行</translation>
    </message>
    <message>
        <source>%1, line %2: the section [%3] appears twice.</source>
        <translation>%1，第 %2 行：节 [%3] 重复出现。</translation>
    </message>
    <message>
        <source>%1, line %2: expected &quot;key = value&quot;, a [section] header or a comment.</source>
        <translation>%1，第 %2 行：应为 &quot;key = value&quot;、[section] 节标题或注释。</translation>
    </message>
    <message>
        <source>%1, line %2: a key appears before the first [section] header.</source>
        <translation>%1，第 %2 行：在第一个 [section] 节标题之前出现了键。</translation>
    </message>
    <message>
        <source>%1 contains no credentials (no [section] with secret_id and secret_key).</source>
        <translation>%1 中没有凭证（没有包含 secret_id 和 secret_key 的 [section]）。</translation>
    </message>
    <message>
        <source>%1: the section [%2] (line %3) has neither secret_id nor secret_key.</source>
        <translation>%1：节 [%2]（第 %3 行）既没有 secret_id 也没有 secret_key。</translation>
    </message>
    <message>
        <source>%1: the section [%2] (line %3) has no secret_id.</source>
        <translation>%1：节 [%2]（第 %3 行）缺少 secret_id。</translation>
    </message>
    <message>
        <source>%1: the section [%2] (line %3) has no secret_key.</source>
        <translation>%1：节 [%2]（第 %3 行）缺少 secret_key。</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 为空。</translation>
    </message>
    <message>
        <source>%1 is not valid JSON (%2 at offset %3).</source>
        <translation>%1 不是有效的 JSON（偏移量 %3 处：%2）。</translation>
    </message>
    <message>
        <source>%1 must contain a JSON object.</source>
        <translation>%1 必须包含一个 JSON 对象。</translation>
    </message>
    <message>
        <source>%1 holds a tccli %2 login (&quot;type&quot;: &quot;%2&quot;), not API keys; its temporary credentials cannot be imported. Create an API key (SecretId/SecretKey) in the console and use &quot;credentials set&quot; instead.</source>
        <translation>%1 中保存的是 tccli %2 登录信息（&quot;type&quot;: &quot;%2&quot;），而不是 API 密钥；其中的临时凭证无法导入。请在控制台创建 API 密钥（SecretId/SecretKey），然后改用 &quot;credentials set&quot;。</translation>
    </message>
    <message>
        <source>%1 has no &quot;%2&quot;.</source>
        <translation>%1 中没有 &quot;%2&quot;。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must be a string.</source>
        <translation>%1：&quot;%2&quot; 必须是字符串。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is empty.</source>
        <translation>%1：&quot;%2&quot; 为空。</translation>
    </message>
    <message>
        <source>tccli profile</source>
        <translation>tccli 配置</translation>
    </message>
    <message>
        <source>--profile</source>
        <translation>--profile</translation>
    </message>
    <message>
        <source>TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY must both be set (and not empty) to import credentials from the environment.</source>
        <translation>要从环境变量导入凭证，必须同时设置 TENCENTCLOUD_SECRET_ID 和 TENCENTCLOUD_SECRET_KEY（且均不为空）。</translation>
    </message>
    <message>
        <source>There is no profile &quot;%1&quot; to import (found: %2).</source>
        <translation>没有可导入的配置“%1”（找到的配置：%2）。</translation>
    </message>
</context>
<context>
    <name>taskwatch::CredentialProbe</name>
    <message>
        <source>The keys and signature were accepted.</source>
        <translation>密钥和签名验证通过。</translation>
    </message>
    <message>
        <source>Network problem, the keys were not checked: %1 — %2</source>
        <translation>网络问题，未能验证密钥：%1 — %2</translation>
    </message>
    <message>
        <source>(HTTP %1)</source>
        <translation>（HTTP %1）</translation>
    </message>
    <message>
        <source>Rejected: %1 — %2</source>
        <translation>被拒绝：%1 — %2</translation>
    </message>
    <message>
        <source>The server answered %1 — %2</source>
        <translation>服务器返回 %1 — %2</translation>
    </message>
    <message>
        <source>(Server message: %1)</source>
        <translation>（服务器消息：%1）</translation>
    </message>
</context>
<context>
    <name>taskwatch::CredentialStore</name>
    <message>
        <source>no details</source>
        <translation>无详细信息</translation>
    </message>
    <message>
        <source>No credentials are stored for this profile.</source>
        <translation>该配置未存储凭证。</translation>
    </message>
    <message>
        <source>The keychain reported an error: %1</source>
        <translation>钥匙串报告错误：%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid profile name: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>“%1”不是有效的配置名称：请使用 1 到 64 个字母、数字、&apos;.&apos;、&apos;_&apos; 或 &apos;-&apos;。</translation>
    </message>
    <message>
        <source>Both the SecretId and the SecretKey are needed.</source>
        <translation>SecretId 和 SecretKey 均为必填项。</translation>
    </message>
    <message>
        <source>No credentials are stored for profile &quot;%1&quot;.</source>
        <translation>配置“%1”未存储凭证。</translation>
    </message>
    <message>
        <source>The keychain entry of profile &quot;%1&quot; is damaged (not the expected JSON); store the credentials again.</source>
        <translation>配置“%1”的钥匙串条目已损坏（不是预期的 JSON）；请重新存储凭证。</translation>
    </message>
</context>
<context>
    <name>taskwatch::DiscoveryCoordinator</name>
    <message numerus="yes">
        <source>%n malformed task(s) skipped</source>
        <translation>
            <numerusform>已跳过 %n 个格式错误的任务</numerusform>
        </translation>
    </message>
    <message>
        <source>only the newest %1 tasks were read</source>
        <translation>仅读取了最新的 %1 个任务</translation>
    </message>
</context>
<context>
    <name>taskwatch::Regions</name>
    <message>
        <source>Financial-zone regions (ap-shanghai-fsi, ap-shenzhen-fsi) require their own host; the international and mainland hosts do not serve them. Use %1.</source>
        <translation>金融区地域（ap-shanghai-fsi、ap-shenzhen-fsi）需要使用专属域名；国际站和中国站域名不提供这些地域的服务。请使用 %1。</translation>
    </message>
    <message>
        <source>The endpoint %1 is the host of region %2, not of %3.</source>
        <translation>接入点 %1 是地域 %2 的域名，而不是 %3 的。</translation>
    </message>
    <message>
        <source>Bangkok</source>
        <translation>曼谷</translation>
    </message>
    <message>
        <source>Beijing</source>
        <translation>北京</translation>
    </message>
    <message>
        <source>Chengdu</source>
        <translation>成都</translation>
    </message>
    <message>
        <source>Chongqing</source>
        <translation>重庆</translation>
    </message>
    <message>
        <source>Guangzhou</source>
        <translation>广州</translation>
    </message>
    <message>
        <source>Hong Kong, China</source>
        <translation>中国香港</translation>
    </message>
    <message>
        <source>Jakarta</source>
        <translation>雅加达</translation>
    </message>
    <message>
        <source>Nanjing</source>
        <translation>南京</translation>
    </message>
    <message>
        <source>Seoul</source>
        <translation>首尔</translation>
    </message>
    <message>
        <source>Shanghai</source>
        <translation>上海</translation>
    </message>
    <message>
        <source>Shanghai Finance</source>
        <translation>上海金融</translation>
    </message>
    <message>
        <source>Shenzhen Finance</source>
        <translation>深圳金融</translation>
    </message>
    <message>
        <source>Singapore</source>
        <translation>新加坡</translation>
    </message>
    <message>
        <source>Tokyo</source>
        <translation>东京</translation>
    </message>
    <message>
        <source>Frankfurt</source>
        <translation>法兰克福</translation>
    </message>
    <message>
        <source>Virginia</source>
        <translation>弗吉尼亚</translation>
    </message>
    <message>
        <source>Silicon Valley</source>
        <translation>硅谷</translation>
    </message>
    <message>
        <source>São Paulo</source>
        <translation>圣保罗</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>taskwatch::RunSettings</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MiB.</source>
        <translation>%1 大于 %2 MiB。</translation>
    </message>
    <message>
        <source>Not a region id: %1 (expected something like ap-guangzhou).</source>
        <translation>不是有效的地域 ID：%1（应类似 ap-guangzhou）。</translation>
    </message>
</context>
<context>
    <name>taskwatch::TaskTableModel</name>
    <message>
        <source>Task ID</source>
        <translation>任务 ID</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>上次检查时间</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>已用时间</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>RequestId</source>
        <translation>RequestId</translation>
    </message>
    <message>
        <source>The AsyncRequestId of the task</source>
        <translation>任务的 AsyncRequestId</translation>
    </message>
    <message>
        <source>The task&apos;s execution information, as reported by the server</source>
        <translation>服务器返回的任务执行信息</translation>
    </message>
    <message>
        <source>When the server was last asked about the task</source>
        <translation>上次向服务器查询该任务的时间</translation>
    </message>
    <message>
        <source>The error of the last query, if it failed</source>
        <translation>上次查询失败时的错误</translation>
    </message>
    <message>
        <source>The RequestId of the last response: quote it to Tencent Cloud support</source>
        <translation>上次响应的 RequestId：联系腾讯云技术支持时请提供</translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation>%1（HTTP %2）</translation>
    </message>
    <message>
        <source>Last status: %1</source>
        <translation>上次状态：%1</translation>
    </message>
    <message>
        <source>Next attempt at %1</source>
        <translation>下次尝试时间：%1</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <source>Quote this RequestId to Tencent Cloud support</source>
        <translation>联系腾讯云技术支持时请提供此 RequestId</translation>
    </message>
    <message>
        <source>%1 d %2</source>
        <translation>%1 天 %2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>The credential profile (account) the task is polled with</source>
        <translation>轮询该任务所用的凭证配置（账号）</translation>
    </message>
    <message>
        <source>%1 +%2</source>
        <translation>%1 等另 %2 个</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>The instance the task acts on: its name and id (DescribeTasks)</source>
        <translation>任务所作用的实例：名称和 ID（DescribeTasks）</translation>
    </message>
    <message>
        <source>What the task does (DescribeTasks&apos; task type)</source>
        <translation>任务执行的操作（DescribeTasks 的任务类型）</translation>
    </message>
    <message>
        <source>How far the task is, in percent (DescribeTasks)</source>
        <translation>任务进度百分比（DescribeTasks）</translation>
    </message>
    <message>
        <source>When the task started (DescribeTasks)</source>
        <translation>任务开始时间（DescribeTasks）</translation>
    </message>
    <message>
        <source>When the task ended (DescribeTasks); empty while it runs</source>
        <translation>任务结束时间（DescribeTasks）；运行中时为空</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Task type: %1</source>
        <translation>任务类型：%1</translation>
    </message>
    <message>
        <source>%1 % done</source>
        <translation>已完成 %1 %</translation>
    </message>
    <message>
        <source>%1 % done, as listed at %2</source>
        <translation>已完成 %1 %（%2 时列出）</translation>
    </message>
    <message>
        <source>Not ended yet</source>
        <translation>尚未结束</translation>
    </message>
    <message>
        <source>Paused: no attempt until polling resumes</source>
        <translation>已暂停：恢复轮询前不会重试</translation>
    </message>
    <message>
        <source>Time since the task started (DescribeTasks&apos; start; when that is not known, since it was added); the final duration once it finished</source>
        <translation>自任务开始起的时长（DescribeTasks 的开始时间；未知时从添加时起算）；任务结束后为最终用时</translation>
    </message>
    <message>
        <source>Counted from the task&apos;s start at %1 (DescribeTasks)</source>
        <translation>从任务开始时间 %1 起算（DescribeTasks）</translation>
    </message>
    <message>
        <source>Counted from when the task was added, %1 (its start is not known)</source>
        <translation>从任务添加时间 %1 起算（开始时间未知）</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>The product the task belongs to (cdb is TencentDB for MySQL)</source>
        <translation>任务所属的产品（cdb 即云数据库 MySQL）</translation>
    </message>
    <message>
        <source>%1 says: %2</source>
        <translation>%1 的原话：%2</translation>
    </message>
</context>
<context>
    <name>taskwatch::cli</name>
    <message>
        <source>Try &apos;%1 %2 --help&apos;.</source>
        <translation>请尝试 &apos;%1 %2 --help&apos;。</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>未知命令：%1</translation>
    </message>
    <message>
        <source>SecretKey: </source>
        <translation>SecretKey：</translation>
    </message>
    <message>
        <source>Token (press Enter for a permanent key): </source>
        <translation>Token（永久密钥请直接按回车）：</translation>
    </message>
    <message>
        <source>Cannot read standard input: %1</source>
        <translation>无法读取标准输入：%1</translation>
    </message>
    <message>
        <source>Standard input is too long: give the SecretKey on the first line and, for temporary credentials, the Token on the second.</source>
        <translation>标准输入过长：请在第一行提供 SecretKey；如使用临时凭证，请在第二行提供 Token。</translation>
    </message>
    <message>
        <source>No SecretKey on standard input. Pipe it in, one line (a second line may hold the Token), e.g.: printf &apos;%s\n&apos; &quot;$KEY&quot; | cdb-taskwatch credentials set --secret-id ID</source>
        <translation>标准输入中没有 SecretKey。请通过管道以一行传入（第二行可提供 Token），例如：printf &apos;%s\n&apos; &quot;$KEY&quot; | cdb-taskwatch credentials set --secret-id ID</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid profile name: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>“%1”不是有效的配置名称：请使用 1 到 64 个字母、数字、&apos;.&apos;、&apos;_&apos; 或 &apos;-&apos;。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>意外的参数：%1</translation>
    </message>
    <message>
        <source>Try &apos;cdb-taskwatch credentials %1 --help&apos;.</source>
        <translation>请尝试 &apos;cdb-taskwatch credentials %1 --help&apos;。</translation>
    </message>
    <message>
        <source>Note: TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY are set in this environment; they take precedence over every stored profile.</source>
        <translation>注意：当前环境中已设置 TENCENTCLOUD_SECRET_ID 和 TENCENTCLOUD_SECRET_KEY，它们优先于所有已存储的配置。</translation>
    </message>
    <message>
        <source>Stores API keys of a profile in the OS keychain. The SecretKey is read from the first line of standard input and an optional Token (temporary credentials) from the second line; on a terminal both are asked for without echo. Secrets are never accepted as arguments.</source>
        <translation>将某个配置的 API 密钥存储到操作系统钥匙串中。SecretKey 从标准输入的第一行读取，可选的 Token（临时凭证）从第二行读取；在终端中运行时，会以不回显的方式提示输入两者。机密信息绝不通过命令行参数接收。</translation>
    </message>
    <message>
        <source>Profile to store (default: &quot;default&quot;).</source>
        <translation>要存储的配置（默认：&quot;default&quot;）。</translation>
    </message>
    <message>
        <source>The SecretId (AKID...) of the API key.</source>
        <translation>API 密钥的 SecretId（AKID...）。</translation>
    </message>
    <message>
        <source>Default region of the profile, e.g. ap-guangzhou (kept when omitted).</source>
        <translation>该配置的默认地域，例如 ap-guangzhou（省略时保持不变）。</translation>
    </message>
    <message>
        <source>API endpoint URL of the profile, e.g. https://cdb.tencentcloudapi.com (kept when omitted; empty = built-in default).</source>
        <translation>该配置的 API 接入点 URL，例如 https://cdb.tencentcloudapi.com（省略时保持不变；为空表示使用内置默认值）。</translation>
    </message>
    <message>
        <source>Also make this the active profile (the first profile stored becomes active anyway).</source>
        <translation>同时将其设为当前配置（存储的第一个配置无论如何都会成为当前配置）。</translation>
    </message>
    <message>
        <source>--secret-id ID is required.</source>
        <translation>必须提供 --secret-id ID。</translation>
    </message>
    <message>
        <source>Stored the credentials of profile &quot;%1&quot; in the keychain.</source>
        <translation>已将配置“%1”的凭证存储到钥匙串中。</translation>
    </message>
    <message>
        <source>Shows a profile: the SecretId masked except for its last 4 characters, whether a Token is set, the region and endpoint. The SecretKey is never shown. Exit status 3 when the profile does not exist or the keychain is unavailable.</source>
        <translation>显示一个配置：SecretId（除最后 4 个字符外均已掩码）、是否设置了 Token、地域和接入点。SecretKey 从不显示。配置不存在或钥匙串不可用时，退出状态为 3。</translation>
    </message>
    <message>
        <source>Profile to show (default: the active one, else &quot;default&quot;).</source>
        <translation>要显示的配置（默认：当前配置，若无则为 &quot;default&quot;）。</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; does not exist (no credentials stored for it).</source>
        <translation>配置“%1”不存在（未存储其凭证）。</translation>
    </message>
    <message>
        <source>Profile:   %1%2</source>
        <translation>配置：     %1%2</translation>
    </message>
    <message>
        <source> (active)</source>
        <translation>（当前）</translation>
    </message>
    <message>
        <source>SecretId:  %1</source>
        <translation>SecretId： %1</translation>
    </message>
    <message>
        <source>SecretKey: stored in the keychain (never shown)</source>
        <translation>SecretKey：已存储在钥匙串中（从不显示）</translation>
    </message>
    <message>
        <source>Token:     %1</source>
        <translation>Token：    %1</translation>
    </message>
    <message>
        <source>not set (permanent key)</source>
        <translation>未设置（永久密钥）</translation>
    </message>
    <message>
        <source>set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <source>Region:    %1</source>
        <translation>地域：     %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Endpoint:  %1</source>
        <translation>接入点：   %1</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>Lists the stored profiles; the active one is marked with &apos;*&apos;. Does not open the keychain.</source>
        <translation>列出已存储的配置；当前配置以 &apos;*&apos; 标记。不会打开钥匙串。</translation>
    </message>
    <message>
        <source>No profiles yet: store one with &apos;cdb-taskwatch credentials set --secret-id ID&apos;.</source>
        <translation>尚无配置：请使用 &apos;cdb-taskwatch credentials set --secret-id ID&apos; 存储一个配置。</translation>
    </message>
    <message>
        <source>Deletes a profile: its keys from the keychain and its settings. Exit status 3 when the profile does not exist or the keychain is unavailable.</source>
        <translation>删除一个配置：包括其在钥匙串中的密钥及其设置。配置不存在或钥匙串不可用时，退出状态为 3。</translation>
    </message>
    <message>
        <source>Profile to delete (default: the active one, else &quot;default&quot;).</source>
        <translation>要删除的配置（默认：当前配置，若无则为 &quot;default&quot;）。</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; does not exist.</source>
        <translation>配置“%1”不存在。</translation>
    </message>
    <message>
        <source>Deleted profile &quot;%1&quot;.</source>
        <translation>已删除配置“%1”。</translation>
    </message>
    <message>
        <source>Imports existing API keys into the keychain from exactly one source. Everything is read and checked first; nothing is stored when any of it is malformed. Exit status 2 for unreadable or malformed input, 3 when the keychain is unavailable.</source>
        <translation>从一个指定来源将已有的 API 密钥导入钥匙串（只能指定一个来源）。所有内容会先全部读取并检查；只要有任何内容格式错误，就不会存储任何内容。输入无法读取或格式错误时，退出状态为 2；钥匙串不可用时为 3。</translation>
    </message>
    <message>
        <source>Import every [section] of the Tencent Cloud SDK credentials file (FILE, default $TENCENTCLOUD_CREDENTIALS_FILE or ~/.tencentcloud/credentials) as a profile of the same name.</source>
        <translation>将腾讯云 SDK 凭证文件（FILE，默认为 $TENCENTCLOUD_CREDENTIALS_FILE 或 ~/.tencentcloud/credentials）中的每个 [section] 导入为同名配置。</translation>
    </message>
    <message>
        <source>Import tccli&apos;s ~/.tccli/PROFILE.credential (region and endpoint from PROFILE.configure when present). OAuth/SSO logins cannot be imported.</source>
        <translation>导入 tccli 的 ~/.tccli/PROFILE.credential（如存在 PROFILE.configure，则从中读取地域和接入点）。无法导入 OAuth/SSO 登录。</translation>
    </message>
    <message>
        <source>Import TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and the optional TENCENTCLOUD_TOKEN (and TENCENTCLOUD_REGION).</source>
        <translation>导入 TENCENTCLOUD_SECRET_ID、TENCENTCLOUD_SECRET_KEY 以及可选的 TENCENTCLOUD_TOKEN（和 TENCENTCLOUD_REGION）。</translation>
    </message>
    <message>
        <source>With --tencentcloud: import only this section. With --tccli: store under this name instead of PROFILE. With --env: store under this name (default &quot;default&quot;).</source>
        <translation>配合 --tencentcloud：仅导入该节。配合 --tccli：以此名称代替 PROFILE 存储。配合 --env：以此名称存储（默认 &quot;default&quot;）。</translation>
    </message>
    <message>
        <source>The credentials file for --tencentcloud.</source>
        <translation>--tencentcloud 使用的凭证文件。</translation>
    </message>
    <message>
        <source>Give exactly one of --tencentcloud [FILE], --tccli PROFILE or --env.</source>
        <translation>--tencentcloud [FILE]、--tccli PROFILE 和 --env 必须且只能指定其中一项。</translation>
    </message>
    <message>
        <source>Try &apos;cdb-taskwatch credentials import --help&apos;.</source>
        <translation>请尝试 &apos;cdb-taskwatch credentials import --help&apos;。</translation>
    </message>
    <message>
        <source>Imported profile(s): %1</source>
        <translation>已导入的配置：%1</translation>
    </message>
    <message>
        <source>Usage: cdb-taskwatch credentials &lt;command&gt; [options]
Manage Tencent Cloud API keys in the OS keychain (%1). Secrets are never taken as arguments.

Commands:
  set     Store keys: --secret-id ID, SecretKey (and optional Token) on standard input
  show    Show a profile (SecretId masked, never the SecretKey)
  list    List the profiles, &apos;*&apos; marks the active one
  delete  Delete a profile and its keys
  import  Import from ~/.tencentcloud/credentials, tccli or the environment

Run &apos;cdb-taskwatch credentials &lt;command&gt; --help&apos; for the options of a command.
Credentials in TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY (+ TENCENTCLOUD_TOKEN) take precedence over stored profiles.
Exit status: 0 success, 2 usage error or bad input, 3 keychain unavailable or no such profile.</source>
        <translation>用法：cdb-taskwatch credentials &lt;command&gt; [options]
在操作系统钥匙串（%1）中管理腾讯云 API 密钥。机密信息绝不通过命令行参数接收。

命令：
  set     存储密钥：--secret-id ID，SecretKey（及可选的 Token）从标准输入读取
  show    显示配置（SecretId 已掩码，从不显示 SecretKey）
  list    列出配置，&apos;*&apos; 标记当前配置
  delete  删除配置及其密钥
  import  从 ~/.tencentcloud/credentials、tccli 或环境变量导入

运行 &apos;cdb-taskwatch credentials &lt;command&gt; --help&apos; 查看某个命令的选项。
TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY（+ TENCENTCLOUD_TOKEN）中的凭证优先于已存储的配置。
退出状态：0 成功，2 用法错误或输入无效，3 钥匙串不可用或配置不存在。</translation>
    </message>
    <message>
        <source>Missing command.</source>
        <translation>缺少命令。</translation>
    </message>
    <message>
        <source>Unknown command: credentials %1</source>
        <translation>未知命令：credentials %1</translation>
    </message>
    <message>
        <source>TCP port (default: any free port).</source>
        <translation>TCP 端口（默认：任一空闲端口）。</translation>
    </message>
    <message>
        <source>PORT</source>
        <translation>PORT</translation>
    </message>
    <message>
        <source>Answer every well-formed id (RUNNING, then SUCCESS after SECONDS).</source>
        <translation>对每个格式正确的 ID 都作出应答（先返回 RUNNING，SECONDS 秒后返回 SUCCESS）。</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <source>DescribeAsyncRequestInfo requests per second allowed per key (default 40).</source>
        <translation>每个密钥每秒允许的 DescribeAsyncRequestInfo 请求数（默认 40）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>The emulated server&apos;s clock is ahead by SECONDS (negative: behind).</source>
        <translation>模拟服务器的时钟快 SECONDS 秒（负数表示慢）。</translation>
    </message>
    <message>
        <source>Cannot listen: %1</source>
        <translation>无法监听：%1</translation>
    </message>
    <message>
        <source>Writes the history of observed task changes as CSV (RFC 4180, UTF-8, CRLF) with the header
%1
Exit status: 0 written; 1 the history could not be read or the file not written; 2 usage error.</source>
        <translation>将观察到的任务变更历史写为 CSV（RFC 4180、UTF-8、CRLF），表头为
%1
退出状态：0 已写入；1 无法读取历史记录或无法写入文件；2 用法错误。</translation>
    </message>
    <message>
        <source>Write to FILE (atomically) instead of standard output (-).</source>
        <translation>写入 FILE（原子写入），而不是标准输出（-）。</translation>
    </message>
    <message>
        <source>FILE|-</source>
        <translation>FILE|-</translation>
    </message>
    <message>
        <source>Only changes observed at or after this time (ISO 8601, e.g. 2026-11-27T19:00:00Z or 2026-11-27).</source>
        <translation>仅包含在此时间或之后观察到的变更（ISO 8601 格式，例如 2026-11-27T19:00:00Z 或 2026-11-27）。</translation>
    </message>
    <message>
        <source>ISO-8601</source>
        <translation>ISO-8601</translation>
    </message>
    <message>
        <source>Only this task (repeatable).</source>
        <translation>仅包含此任务（可重复指定）。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Start with a UTF-8 byte order mark so that Excel detects the encoding.</source>
        <translation>以 UTF-8 字节顺序标记（BOM）开头，以便 Excel 识别编码。</translation>
    </message>
    <message>
        <source>--since: not an ISO 8601 date or time: %1</source>
        <translation>--since：不是 ISO 8601 日期或时间：%1</translation>
    </message>
    <message>
        <source>--id: not a task id: %1</source>
        <translation>--id：不是任务 ID：%1</translation>
    </message>
    <message>
        <source>%1 rows written to %2</source>
        <translation>已将 %1 行写入 %2</translation>
    </message>
    <message>
        <source>REGION</source>
        <translation>REGION</translation>
    </message>
    <message>
        <source>API endpoint. Default: the profile&apos;s, else https://cdb.intl.tencentcloudapi.com. Plain http only for loopback.</source>
        <translation>API 接入点。默认：配置中的接入点，否则为 https://cdb.intl.tencentcloudapi.com。仅环回地址可使用明文 http。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Read task ids from FILE (or standard input for -): any text, ids are extracted.</source>
        <translation>从 FILE（为 - 时从标准输入）读取任务 ID：可以是任意文本，会从中提取 ID。</translation>
    </message>
    <message>
        <source>Minimum seconds between two polls of the same task (default 5).</source>
        <translation>同一任务两次轮询之间的最短间隔秒数（默认 5）。</translation>
    </message>
    <message>
        <source>Give up after SECONDS with exit status 4 (default: wait forever).</source>
        <translation>SECONDS 秒后放弃，退出状态为 4（默认：一直等待）。</translation>
    </message>
    <message>
        <source>At most N requests per second for the credential, 1 to 40 (default 40).</source>
        <translation>该凭证每秒最多发送 N 个请求，取值 1 到 40（默认 40）。</translation>
    </message>
    <message>
        <source>One JSON object per line.</source>
        <translation>每行输出一个 JSON 对象。</translation>
    </message>
    <message>
        <source>Keychain profile to use when no TENCENTCLOUD_SECRET_ID/KEY are set.</source>
        <translation>未设置 TENCENTCLOUD_SECRET_ID/KEY 时使用的钥匙串配置。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Do not record the changes in the history.</source>
        <translation>不在历史记录中记录变更。</translation>
    </message>
    <message>
        <source>--interval must be a number of seconds from 0.1 to 86400.</source>
        <translation>--interval 必须是 0.1 到 86400 之间的秒数。</translation>
    </message>
    <message>
        <source>Longest time between two polls of a task that has not changed for a while: it is polled every tenth of its quiet time, from --interval up to SECONDS (default 15).</source>
        <translation>任务一段时间未变化时两次轮询之间的最长间隔：按其静止时长的十分之一轮询，从 --interval 到 SECONDS 秒（默认 15）。</translation>
    </message>
    <message>
        <source>--max-interval must be a number of seconds from 0.1 to 86400.</source>
        <translation>--max-interval 必须是 0.1 到 86400 之间的秒数。</translation>
    </message>
    <message>
        <source>--max-rate must be a whole number from 1 to 40.</source>
        <translation>--max-rate 必须是 1 到 40 之间的整数。</translation>
    </message>
    <message>
        <source>warning: not a task id: %1</source>
        <translation>警告：不是任务 ID：%1</translation>
    </message>
    <message>
        <source>No region: pass --region (e.g. ap-guangzhou) or set TENCENTCLOUD_REGION.</source>
        <translation>未指定地域：请传入 --region（例如 ap-guangzhou）或设置 TENCENTCLOUD_REGION。</translation>
    </message>
    <message>
        <source>No credentials: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, or store a profile with &apos;cdb-taskwatch credentials set&apos;.</source>
        <translation>没有凭证：请设置 TENCENTCLOUD_SECRET_ID 和 TENCENTCLOUD_SECRET_KEY，或使用 &apos;cdb-taskwatch credentials set&apos; 存储一个配置。</translation>
    </message>
    <message>
        <source>warning: history disabled: %1</source>
        <translation>警告：历史记录已禁用：%1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>warning: history: %1</source>
        <translation>警告：历史记录：%1</translation>
    </message>
    <message>
        <source>Your clock differs from the server&apos;s by %1 s (corrected).</source>
        <translation>本机时钟与服务器时间相差 %1 秒（已校正）。</translation>
    </message>
    <message>
        <source>The server rejected the credentials (%1): %2</source>
        <translation>服务器拒绝了该凭证（%1）：%2</translation>
    </message>
    <message>
        <source>Timed out after %1 s with %2 task(s) unfinished.</source>
        <translation>%1 秒后超时，仍有 %2 个任务未完成。</translation>
    </message>
    <message>
        <source>Serve HTTPS with the PEM certificate in FILE (the server&apos;s first, then any intermediates).</source>
        <translation>使用 FILE 中的 PEM 证书提供 HTTPS（先是服务器证书，然后是中间证书）。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>The unencrypted PEM private key of --tls-cert.</source>
        <translation>--tls-cert 对应的未加密 PEM 私钥。</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together.</source>
        <translation>--tls-cert 和 --tls-key 必须同时使用。</translation>
    </message>
    <message>
        <source>Cannot use the TLS certificate or key: %1</source>
        <translation>无法使用 TLS 证书或私钥：%1</translation>
    </message>
    <message>
        <source>Commands: %1 (see &apos;cdb-taskwatch COMMAND --help&apos;); without a command, or with task ids, the GUI starts (see &apos;cdb-taskwatch --help&apos;).</source>
        <translation>命令：%1（参见 &apos;cdb-taskwatch COMMAND --help&apos;）；不带命令或带任务 ID 时启动图形界面（参见 &apos;cdb-taskwatch --help&apos;）。</translation>
    </message>
    <message>
        <source>Runs the built-in emulator of the cdb endpoint (DescribeAsyncRequestInfo, DescribeTasks, DescribeDBInstances) on 127.0.0.1, for trying TaskWatch and for scripts. It verifies TC3 signatures made with the public demo credentials (SecretId %1, SecretKey %2). Standard output: its URL on the first line, then TENCENTCLOUD_SECRET_ID=… and TENCENTCLOUD_SECRET_KEY=… lines.</source>
        <translation>在 127.0.0.1 上运行内置的 cdb 接入点模拟器（DescribeAsyncRequestInfo、DescribeTasks、DescribeDBInstances），用于试用 TaskWatch 和编写脚本。它会校验使用公开演示凭证（SecretId %1，SecretKey %2）生成的 TC3 签名。标准输出：第一行是其 URL，随后是 TENCENTCLOUD_SECRET_ID=… 和 TENCENTCLOUD_SECRET_KEY=… 两行。</translation>
    </message>
    <message>
        <source>--port must be a whole number from 0 to 65535.</source>
        <translation>--port 必须是 0 到 65535 之间的整数。</translation>
    </message>
    <message>
        <source>--rate-limit must be a whole number from 0 (no limit) to 100000.</source>
        <translation>--rate-limit 必须是 0（不限制）到 100000 之间的整数。</translation>
    </message>
    <message>
        <source>--clock-offset must be a whole number of seconds from -%1 to %1.</source>
        <translation>--clock-offset 必须是 -%1 到 %1 之间的整数秒数。</translation>
    </message>
    <message>
        <source>--any-id must be a number of seconds from 0 to 86400.</source>
        <translation>--any-id 必须是 0 到 86400 之间的秒数。</translation>
    </message>
    <message>
        <source>--timeout must be a number of seconds greater than 0 and at most %1.</source>
        <translation>--timeout 必须是大于 0 且不超过 %1 的秒数。</translation>
    </message>
    <message>
        <source>Interrupted by %1: stopped polling.</source>
        <translation>被 %1 中断：已停止轮询。</translation>
    </message>
    <message>
        <source>warning: %1 is not a known cdb region (known: %2); it is used anyway.</source>
        <translation>警告：%1 不是已知的 cdb 地域（已知：%2）；仍将使用它。</translation>
    </message>
    <message>
        <source>Only changes observed with this credential profile (&quot;environment&quot; for environment credentials).</source>
        <translation>仅导出使用此凭据配置观察到的变更（&quot;environment&quot; 表示环境变量凭据）。</translation>
    </message>
    <message>
        <source>Not a region id: %1</source>
        <translation>不是地域 ID：%1</translation>
    </message>
    <message>
        <source>STARTED</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>INSTANCE</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>PROG</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Region to list, e.g. ap-guangzhou; may be given several times. Default: $TENCENTCLOUD_REGION, then the profile&apos;s region.</source>
        <translation>要列出的地域，例如 ap-guangzhou；可多次指定。默认：$TENCENTCLOUD_REGION，然后是配置档的地域。</translation>
    </message>
    <message>
        <source>Tasks started since WHEN: a duration (90m, 24h, 7d) or an ISO-8601 time (default 24h).</source>
        <translation>自 WHEN 起开始的任务：时长（90m、24h、7d）或 ISO-8601 时间（默认 24h）。</translation>
    </message>
    <message>
        <source>WHEN</source>
        <translation>WHEN</translation>
    </message>
    <message>
        <source>Only tasks of this instance (cdb-…); may be repeated.</source>
        <translation>仅此实例（cdb-…）的任务；可重复指定。</translation>
    </message>
    <message>
        <source>Only tasks with this status: running (every unfinished task), success, failed, killed, removed, paused, initial, waiting, undefined; may be repeated.</source>
        <translation>仅此状态的任务：running（所有未完成的任务）、success、failed、killed、removed、paused、initial、waiting、undefined；可重复指定。</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Only tasks of this type: the vendor&apos;s name (&quot;MODIFY PARAM&quot;, modify-param) or number (5); may be repeated.</source>
        <translation>仅此类型的任务：厂商的名称（&quot;MODIFY PARAM&quot;、modify-param）或编号（5）；可重复指定。</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>One JSON object per task and line.</source>
        <translation>每个任务一行，一个 JSON 对象。</translation>
    </message>
    <message>
        <source>list takes no arguments (got %1).</source>
        <translation>list 不接受参数（收到 %1）。</translation>
    </message>
    <message>
        <source>--since must be a duration such as 90m, 24h or 7d, or an ISO-8601 time in the past.</source>
        <translation>--since 必须是时长（如 90m、24h 或 7d），或过去的 ISO-8601 时间。</translation>
    </message>
    <message>
        <source>Not an instance id: %1</source>
        <translation>不是实例 ID：%1</translation>
    </message>
    <message>
        <source>Unknown --status %1 (running, success, failed, killed, removed, paused, initial, waiting, undefined).</source>
        <translation>未知的 --status %1（running、success、failed、killed、removed、paused、initial、waiting、undefined）。</translation>
    </message>
    <message>
        <source>Unknown --type %1 (known: %2).</source>
        <translation>未知的 --type %1（已知：%2）。</translation>
    </message>
    <message>
        <source>warning: %1: %2 malformed task(s) skipped.</source>
        <translation>警告：%1：已跳过 %2 个格式错误的任务。</translation>
    </message>
    <message>
        <source>warning: %1: only the newest %2 tasks were read.</source>
        <translation>警告：%1：仅读取了最新的 %2 个任务。</translation>
    </message>
    <message>
        <source>warning: %1: instance names unavailable: %2</source>
        <translation>警告：%1：实例名称不可用：%2</translation>
    </message>
    <message>
        <source>No tasks found.</source>
        <translation>未找到任务。</translation>
    </message>
    <message>
        <source>Region of the tasks, e.g. ap-guangzhou. Default: $TENCENTCLOUD_REGION, then the profile&apos;s region. With --discover it may be given several times.</source>
        <translation>任务所在地域，例如 ap-guangzhou。默认：$TENCENTCLOUD_REGION，然后是配置档的地域。使用 --discover 时可多次指定。</translation>
    </message>
    <message>
        <source>With --discover: tasks started since WHEN, a duration (90m, 24h, 7d) or an ISO-8601 time (default 24h).</source>
        <translation>配合 --discover：自 WHEN 起开始的任务，时长（90m、24h、7d）或 ISO-8601 时间（默认 24h）。</translation>
    </message>
    <message>
        <source>With --discover: keep discovering new tasks every 60 s (until --timeout or a signal).</source>
        <translation>配合 --discover：每 60 秒继续发现新任务（直到 --timeout 或收到信号）。</translation>
    </message>
    <message>
        <source>--follow and --since go with --discover.</source>
        <translation>--follow 和 --since 需与 --discover 一起使用。</translation>
    </message>
    <message>
        <source>--region may be given several times only with --discover.</source>
        <translation>只有使用 --discover 时才可多次指定 --region。</translation>
    </message>
    <message>
        <source>No task ids given. Pass ids as arguments or with --ids-from FILE|-, or use --discover.</source>
        <translation>未提供任务 ID。请以参数或 --ids-from FILE|- 传入 ID，或使用 --discover。</translation>
    </message>
    <message>
        <source>No task to watch: discovery is not permitted for this account.</source>
        <translation>没有可监视的任务：此账号不允许任务发现。</translation>
    </message>
    <message>
        <source>No unfinished task found.</source>
        <translation>未找到未完成的任务。</translation>
    </message>
    <message>
        <source>warning: %1: %2</source>
        <translation>警告：%1：%2</translation>
    </message>
    <message>
        <source>Discovered %1 unfinished task(s) in %2 (%3 listed).</source>
        <translation>在 %2 中发现 %1 个未完成的任务（共列出 %3 个）。</translation>
    </message>
    <message>
        <source>Discovering unfinished tasks in %1 started since %2.</source>
        <translation>正在发现 %1 中自 %2 起开始的未完成任务。</translation>
    </message>
    <message>
        <source>job %1</source>
        <translation>作业 %1</translation>
    </message>
    <message>
        <source>The product of the tasks: %1 (default cdb). Its API host replaces cdb&apos;s in the default endpoint (redis.intl.tencentcloudapi.com…).</source>
        <translation>任务所属的产品：%1（默认 cdb）。默认接入点中以该产品的 API 主机替换 cdb 的主机（redis.intl.tencentcloudapi.com…）。</translation>
    </message>
    <message>
        <source>PRODUCT</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Unknown --product %1 (known: %2).</source>
        <translation>未知的 --product %1（已知：%2）。</translation>
    </message>
    <message>
        <source>Lists the account&apos;s TencentDB for MySQL tasks (DescribeTasks) in one or more regions, newest first, with their instance names (DescribeDBInstances).

Exit status: 0 listed; 1 a region could not be listed (network, server); 2 usage error; 3 no credentials, the server rejected them, or the account may not call DescribeTasks (CAM).

With --product redis or postgres, that product&apos;s tasks are listed with its list action (redis DescribeTaskList, postgres DescribeTasks; CAM permission redis:DescribeTaskList or postgres:DescribeTasks); --type is cdb&apos;s only. mongodb has no action that lists tasks.</source>
        <translation>列出账号在一个或多个地域中的云数据库 MySQL 任务（DescribeTasks），最新的在前，并附实例名称（DescribeDBInstances）。

退出状态：0 已列出；1 某个地域无法列出（网络、服务器）；2 用法错误；3 没有凭据、服务器拒绝了凭据，或账号无权调用 DescribeTasks（CAM）。

使用 --product redis 或 postgres 时，用该产品的列表接口列出其任务（redis DescribeTaskList，postgres DescribeTasks；CAM 权限 redis:DescribeTaskList 或 postgres:DescribeTasks）；--type 仅适用于 cdb。mongodb 没有列出任务的接口。</translation>
    </message>
    <message>
        <source>%1 has no action that lists tasks: list its tasks in the console, or watch them by id (watch --product %1 ID…).</source>
        <translation>%1 没有列出任务的接口：请在控制台查看其任务，或按 ID 监视（watch --product %1 ID…）。</translation>
    </message>
    <message>
        <source>--type filters cdb&apos;s tasks only.</source>
        <translation>--type 只能筛选 cdb 的任务。</translation>
    </message>
    <message>
        <source>Also watch every unfinished task of the account in the regions (DescribeTasks; with --product redis or postgres, that product&apos;s list action).</source>
        <translation>同时监视账号在这些地域中所有未完成的任务（DescribeTasks；使用 --product redis 或 postgres 时为该产品的列表接口）。</translation>
    </message>
    <message>
        <source>Polls TencentDB for MySQL asynchronous tasks (DescribeAsyncRequestInfo) until every one has finished, printing one line per observed change of a task.

Exit status: 0 every task ended SUCCESS; 1 at least one ended FAILED, KILLED or REMOVED, or failed permanently; 2 usage error; 3 no credentials or the server rejected them; 4 --timeout reached; 130/143 stopped by SIGINT/SIGTERM (a summary of the tasks is printed on standard error).

With --discover, the account&apos;s unfinished tasks (DescribeTasks) in every --region are watched too, without pasting ids; --follow keeps discovering new ones every 60 s.

Tasks of other products (mongodb DescribeAsyncRequestInfo, redis DescribeTaskInfo, postgres DescribeTasks) are named anywhere in the text: mongodb:4762, redis:18215, postgres:912 (cdb:ID too). With --product mongodb, redis or postgres, bare numbers are ids of that product, and --discover lists that product&apos;s tasks (redis and postgres only).</source>
        <translation>轮询云数据库 MySQL 异步任务（DescribeAsyncRequestInfo）直到全部结束，任务每发生一次观察到的变化就输出一行。

退出状态：0 所有任务均以 SUCCESS 结束；1 至少一个以 FAILED、KILLED 或 REMOVED 结束，或永久失败；2 用法错误；3 没有凭据或服务器拒绝了凭据；4 达到 --timeout；130/143 被 SIGINT/SIGTERM 停止（任务摘要输出到标准错误）。

使用 --discover 时，还会监视账号在每个 --region 中未完成的任务（DescribeTasks），无需粘贴 ID；--follow 每 60 秒继续发现新任务。

其他产品的任务（mongodb DescribeAsyncRequestInfo、redis DescribeTaskInfo、postgres DescribeTasks）可在文本任意位置带名称写出：mongodb:4762、redis:18215、postgres:912（也可写 cdb:ID）。使用 --product mongodb、redis 或 postgres 时，纯数字即该产品的任务 ID，--discover 列出该产品的任务（仅 redis 和 postgres）。</translation>
    </message>
    <message>
        <source>Task ids (AsyncRequestId; product:ID for other products, or bare numbers with --product), or any text containing them.</source>
        <translation>任务 ID（AsyncRequestId；其他产品用“产品:ID”，或配合 --product 使用纯数字），或任何包含任务 ID 的文本。</translation>
    </message>
    <message>
        <source>%1 has no action that lists tasks: --discover is not available for it; watch its tasks by id.</source>
        <translation>%1 没有列出任务的接口：不能对其使用 --discover；请按 ID 监视其任务。</translation>
    </message>
    <message>
        <source>Discovered %1 unfinished %2 task(s) in %3 (%4 listed).</source>
        <translation>在 %3 发现 %1 个未完成的 %2 任务（共列出 %4 个）。</translation>
    </message>
</context>
<context>
    <name>taskwatch::cli::WatchOutput</name>
    <message>
        <source>(no status)</source>
        <translation>（无状态）</translation>
    </message>
    <message>
        <source>RETRYING</source>
        <translation>重试中</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Watching %1 task(s) in %2…</source>
        <translation>正在监视 %2 的 %1 个任务…</translation>
    </message>
    <message>
        <source>%1 task(s): %2.</source>
        <translation>%1 个任务：%2。</translation>
    </message>
    <message>
        <source>No task is unfinished.</source>
        <translation>没有未完成的任务。</translation>
    </message>
    <message>
        <source>Unfinished (%1):</source>
        <translation>未完成（%1）：</translation>
    </message>
</context>
<context>
    <name>taskwatch::keychain</name>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Windows 凭据管理器</translation>
    </message>
    <message>
        <source>The Windows Credential Manager is not available in this session (an SSH or network logon, or a service, has no logon session for it): run TaskWatch in a desktop session of the user, or set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY in the environment instead. Details: %1</source>
        <translation>Windows 凭据管理器在此会话中不可用（SSH 或网络登录以及服务没有可供它使用的登录会话）：请在该用户的桌面会话中运行 TaskWatch，或者改为在环境变量中设置 TENCENTCLOUD_SECRET_ID 和 TENCENTCLOUD_SECRET_KEY。详细信息：%1</translation>
    </message>
    <message>
        <source>The Windows Credential Manager refused access. Log in to Windows as the user who stored the credentials and try again. Details: %1</source>
        <translation>Windows 凭据管理器拒绝访问。请以存储这些凭据的用户身份登录 Windows，然后重试。详细信息：%1</translation>
    </message>
    <message>
        <source>The Windows Credential Manager did not answer within %1 s. Try again in a desktop session of the user.</source>
        <translation>Windows 凭据管理器未在 %1 秒内响应。请在该用户的桌面会话中重试。</translation>
    </message>
    <message>
        <source>macOS Keychain</source>
        <translation>macOS 钥匙串</translation>
    </message>
    <message>
        <source>The macOS Keychain is not available in this session: run TaskWatch in the user&apos;s desktop session, or set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY in the environment instead. Details: %1</source>
        <translation>macOS 钥匙串在此会话中不可用：请在该用户的桌面会话中运行 TaskWatch，或者改为在环境变量中设置 TENCENTCLOUD_SECRET_ID 和 TENCENTCLOUD_SECRET_KEY。详细信息：%1</translation>
    </message>
    <message>
        <source>The macOS Keychain refused access: the login keychain is locked (in an SSH session: run &apos;security unlock-keychain&apos; first) or access was denied in the prompt. Details: %1</source>
        <translation>macOS 钥匙串拒绝访问：登录钥匙串已锁定（在 SSH 会话中请先运行 &apos;security unlock-keychain&apos;），或在提示中拒绝了访问。详细信息：%1</translation>
    </message>
    <message>
        <source>The macOS Keychain did not answer within %1 s; it may be waiting for a password prompt that cannot be shown. Unlock the login keychain and try again.</source>
        <translation>macOS 钥匙串未在 %1 秒内响应；它可能在等待无法显示的密码提示。请解锁登录钥匙串后重试。</translation>
    </message>
    <message>
        <source>Secret Service</source>
        <translation>Secret Service</translation>
    </message>
    <message>
        <source>No keychain service is available: install and start gnome-keyring (or another Secret Service provider such as KeePassXC or KWallet) in a session with a D-Bus session bus, or set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY in the environment instead. Details: %1</source>
        <translation>没有可用的钥匙串服务：请在具有 D-Bus 会话总线的会话中安装并启动 gnome-keyring（或其他 Secret Service 提供程序，如 KeePassXC 或 KWallet），或者改为在环境变量中设置 TENCENTCLOUD_SECRET_ID 和 TENCENTCLOUD_SECRET_KEY。详细信息：%1</translation>
    </message>
    <message>
        <source>The keychain refused access: the keyring is locked or access was denied. Unlock your login keyring (for example in &quot;Passwords and Keys&quot; / Seahorse, or by logging in to the desktop) and try again. Details: %1</source>
        <translation>钥匙串拒绝访问：密钥环已锁定或访问被拒绝。请解锁登录密钥环（例如在“密码和密钥”/Seahorse 中解锁，或登录桌面），然后重试。详细信息：%1</translation>
    </message>
    <message>
        <source>The keychain did not answer within %1 s; it may be waiting for an unlock prompt that cannot be shown. Unlock the keyring in your desktop session (or start gnome-keyring unlocked) and try again.</source>
        <translation>钥匙串在 %1 秒内未响应；它可能正在等待一个无法显示的解锁提示。请在桌面会话中解锁密钥环（或以已解锁状态启动 gnome-keyring），然后重试。</translation>
    </message>
</context>
<context>
    <name>taskwatch::platform</name>
    <message>
        <source>the runtime directory %1 does not exist</source>
        <translation>运行时目录 %1 不存在</translation>
    </message>
    <message>
        <source>the runtime directory %1 is a symbolic link</source>
        <translation>运行时目录 %1 是符号链接</translation>
    </message>
    <message>
        <source>the runtime directory %1 is not a directory</source>
        <translation>运行时目录 %1 不是目录</translation>
    </message>
    <message>
        <source>the runtime directory %1 belongs to another user (uid %2)</source>
        <translation>运行时目录 %1 属于其他用户（uid %2）</translation>
    </message>
    <message>
        <source>the runtime directory %1 is open to other users (mode %2; it must be 0700)</source>
        <translation>运行时目录 %1 对其他用户开放（权限 %2；必须为 0700）</translation>
    </message>
    <message>
        <source>the runtime directory %1 is not writable</source>
        <translation>运行时目录 %1 不可写</translation>
    </message>
    <message>
        <source>cannot create the runtime directory %1: %2</source>
        <translation>无法创建运行时目录 %1：%2</translation>
    </message>
    <message>
        <source>cannot create the runtime directory %1</source>
        <translation>无法创建运行时目录 %1</translation>
    </message>
</context>
<context>
    <name>taskwatch::ui</name>
    <message>
        <source>CDB TaskWatch: watch TencentDB for MySQL asynchronous tasks (AsyncRequestId) until they finish.
Headless commands: watch, list, export-csv, credentials, emulator (see &apos;cdb-taskwatch COMMAND --help&apos;).</source>
        <translation>CDB TaskWatch：监视云数据库 MySQL 的异步任务（AsyncRequestId），直到任务结束。
无界面命令：watch、list、export-csv、credentials、emulator（参见 &apos;cdb-taskwatch COMMAND --help&apos;）。</translation>
    </message>
    <message>
        <source>Try the app against the built-in emulator (no account needed).</source>
        <translation>使用内置模拟器试用本应用（无需账号）。</translation>
    </message>
    <message>
        <source>Region for the tasks given here.</source>
        <translation>此处给出的任务所属的地域。</translation>
    </message>
    <message>
        <source>REGION</source>
        <translation>REGION</translation>
    </message>
    <message>
        <source>API endpoint URL.</source>
        <translation>API 接入点 URL。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Keychain profile to use.</source>
        <translation>要使用的钥匙串配置。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Add the task ids found in FILE.</source>
        <translation>添加在 FILE 中找到的任务 ID。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Task ids to add (any text containing them).</source>
        <translation>要添加的任务 ID（可以是包含任务 ID 的任意文本）。</translation>
    </message>
    <message>
        <source>Not a region id: %1 (expected something like ap-guangzhou).</source>
        <translation>不是有效的地域 ID：%1（应类似 ap-guangzhou）。</translation>
    </message>
</context>
<context>
    <name>taskwatch::ui::AddReportBar</name>
    <message>
        <source>Show…</source>
        <translation>显示…</translation>
    </message>
    <message>
        <source>Show the lines in which no task id was found</source>
        <translation>显示未找到任务 ID 的行</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Lines Without a Task ID</source>
        <translation>不含任务 ID 的行</translation>
    </message>
    <message>
        <source>1 line did not contain a task id:</source>
        <translation>有 1 行不含任务 ID：</translation>
    </message>
    <message numerus="yes">
        <source>%n lines did not contain a task id:</source>
        <translation>
            <numerusform>有 %n 行不含任务 ID：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(the first %n are shown)</source>
        <translation>
            <numerusform>（仅显示前 %n 行）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>taskwatch::ui::AddTasksDialog</name>
    <message>
        <source>Add Tasks</source>
        <translation>添加任务</translation>
    </message>
    <message>
        <source>The region of the instance the tasks belong to: a task exists only in its region</source>
        <translation>任务所属实例的地域：任务仅存在于其所在地域</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>地域(&amp;R)：</translation>
    </message>
    <message>
        <source>1 task id found</source>
        <translation>找到 1 个任务 ID</translation>
    </message>
    <message numerus="yes">
        <source>%n task ids found</source>
        <translation>
            <numerusform>找到 %n 个任务 ID</numerusform>
        </translation>
    </message>
    <message>
        <source>No task id found</source>
        <translation>未找到任务 ID</translation>
    </message>
    <message>
        <source>1 line not recognised</source>
        <translation>1 行无法识别</translation>
    </message>
    <message numerus="yes">
        <source>%n lines not recognised</source>
        <translation>
            <numerusform>%n 行无法识别</numerusform>
        </translation>
    </message>
    <message>
        <source>The credential profile (account) that polls these tasks</source>
        <translation>轮询这些任务的凭证配置（账号）</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>配置(&amp;P)：</translation>
    </message>
    <message>
        <source>Task &amp;IDs: paste AsyncRequestIds, one per line, or any text that contains them (an API response, log lines, tccli output).</source>
        <translation>任务 ID(&amp;I)：粘贴 AsyncRequestId（每行一个），或任何包含它们的文本（API 响应、日志行、tccli 输出）。</translation>
    </message>
    <message>
        <source>Task IDs</source>
        <translation>任务 ID</translation>
    </message>
    <message>
        <source>AsyncRequestIds, one per line, or any text that contains them. Ctrl+Enter adds them.</source>
        <translation>AsyncRequestId（每行一个），或任何包含它们的文本。按 Ctrl+Enter 添加。</translation>
    </message>
    <message>
        <source>How many task ids the text holds</source>
        <translation>文本中包含的任务 ID 数量</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Add the task ids found (Ctrl+Enter)</source>
        <translation>添加找到的任务 ID（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Product of bare task numbers</source>
        <translation>纯数字任务 ID 所属的产品</translation>
    </message>
    <message>
        <source>The product whose task ids the bare numbers in the text are (cdb: bare numbers are not task ids)</source>
        <translation>文本中的纯数字是哪个产品的任务 ID（cdb：纯数字不是任务 ID）</translation>
    </message>
    <message>
        <source>Named ids such as redis:18215 or mongodb:4762 are added as tasks of their product whatever is chosen here.</source>
        <translation>无论此处选择什么，redis:18215 或 mongodb:4762 这类带名称的 ID 都会作为其所属产品的任务添加。</translation>
    </message>
    <message>
        <source>Pro&amp;duct of numbers:</source>
        <translation>数字所属产品(&amp;D)：</translation>
    </message>
    <message>
        <source>cdb (AsyncRequestId)</source>
        <translation>cdb（AsyncRequestId）</translation>
    </message>
</context>
<context>
    <name>taskwatch::ui::BannerArea</name>
    <message>
        <source>No credentials: tasks are not polled yet</source>
        <translation>未配置凭证：任务尚未开始轮询</translation>
    </message>
    <message>
        <source>Add a Tencent Cloud API key (SecretId and SecretKey) to start. Tasks you add now wait in the list.</source>
        <translation>添加腾讯云 API 密钥（SecretId 和 SecretKey）即可开始。现在添加的任务会在列表中等待。</translation>
    </message>
    <message>
        <source>Set Up Credentials…</source>
        <translation>设置凭证…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Try the same credentials again</source>
        <translation>使用相同凭证重试</translation>
    </message>
    <message>
        <source>Credentials…</source>
        <translation>凭证…</translation>
    </message>
    <message>
        <source>Set Credentials…</source>
        <translation>设置凭证…</translation>
    </message>
    <message>
        <source>The system keychain is not available: credentials cannot be saved</source>
        <translation>系统钥匙串不可用：无法保存凭证</translation>
    </message>
    <message>
        <source>Offline: no network connection</source>
        <translation>离线：无网络连接</translation>
    </message>
    <message>
        <source>Polling goes on and recovers by itself when the network is back.</source>
        <translation>轮询会继续进行，网络恢复后将自动恢复正常。</translation>
    </message>
    <message>
        <source>Demo: tasks come from the built-in emulator, not from Tencent Cloud</source>
        <translation>演示：任务来自内置模拟器，而非腾讯云</translation>
    </message>
    <message>
        <source>The history could not be saved; polling goes on</source>
        <translation>无法保存历史记录；轮询继续进行</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The credentials of profile %1 were rejected (%2): its polling is on hold</source>
        <translation>配置 %1 的凭证被拒绝（%2）：该配置的轮询已暂停</translation>
    </message>
    <message>
        <source>Server message: %1</source>
        <translation>服务器消息：%1</translation>
    </message>
    <message>
        <source>Credentials missing for profile %1: its tasks are on hold</source>
        <translation>配置 %1 缺少凭证：其任务已暂停</translation>
    </message>
    <message>
        <source>The endpoint of profile %1 refuses the requests: its tasks stopped</source>
        <translation>配置 %1 的接入点拒绝了请求：其任务已停止</translation>
    </message>
    <message>
        <source>Use credentials whose CAM policy allows the permission</source>
        <translation>请使用其 CAM 策略包含该权限的凭证</translation>
    </message>
    <message>
        <source>Discovery is off for profile %1: a permission is missing; polling goes on</source>
        <translation>配置 %1 的任务发现已关闭：缺少权限；轮询继续进行</translation>
    </message>
</context>
<context>
    <name>taskwatch::ui::CloseGuard</name>
    <message>
        <source>&amp;Ask Before Quitting</source>
        <translation>退出前询问(&amp;A)</translation>
    </message>
    <message>
        <source>Close to &amp;Tray</source>
        <translation>关闭时最小化到托盘(&amp;T)</translation>
    </message>
    <message>
        <source>Ask before closing the window stops watching unfinished tasks</source>
        <translation>关闭窗口将停止监视未完成的任务时先询问</translation>
    </message>
    <message>
        <source>Closing the window hides it in the system tray and polling goes on (Quit ends TaskWatch)</source>
        <translation>关闭窗口时将其隐藏到系统托盘，轮询继续进行（“退出”才会结束 TaskWatch）</translation>
    </message>
    <message>
        <source>Quit TaskWatch</source>
        <translation>退出 TaskWatch</translation>
    </message>
    <message numerus="yes">
        <source>Quit and stop watching %n task(s)?</source>
        <translation>
            <numerusform>退出并停止监视 %n 个任务？</numerusform>
        </translation>
    </message>
    <message>
        <source>Unfinished tasks are kept and polled again at the next start.</source>
        <translation>未完成的任务会被保留，下次启动时继续轮询。</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t ask again</source>
        <translation>不再询问(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Show TaskWatch</source>
        <translation>显示 TaskWatch(&amp;S)</translation>
    </message>
</context>
<context>
    <name>taskwatch::ui::ColumnMenu</name>
    <message>
        <source>&amp;Columns</source>
        <translation>列(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Fit Widths to Content</source>
        <translation>列宽适应内容(&amp;F)</translation>
    </message>
    <message>
        <source>Forget the widths you dragged: every column fits its content again</source>
        <translation>忘记您拖动设置的列宽：每一列重新适应其内容</translation>
    </message>
</context>
<context>
    <name>taskwatch::ui::CredentialsDialog</name>
    <message>
        <source>Credentials</source>
        <translation>凭证</translation>
    </message>
    <message>
        <source>TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY are set in the environment: they take precedence over the profiles below.</source>
        <translation>环境变量中已设置 TENCENTCLOUD_SECRET_ID 和 TENCENTCLOUD_SECRET_KEY：它们优先于下方的配置。</translation>
    </message>
    <message>
        <source>New profile…</source>
        <translation>新建配置…</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>删除配置</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>配置(&amp;P)：</translation>
    </message>
    <message>
        <source>AKID…</source>
        <translation>AKID…</translation>
    </message>
    <message>
        <source>Secret&amp;Id:</source>
        <translation>SecretId(&amp;I)：</translation>
    </message>
    <message>
        <source>Show the SecretKey</source>
        <translation>显示 SecretKey</translation>
    </message>
    <message>
        <source>Hide the SecretKey</source>
        <translation>隐藏 SecretKey</translation>
    </message>
    <message>
        <source>Secret&amp;Key:</source>
        <translation>SecretKey(&amp;K)：</translation>
    </message>
    <message>
        <source>only for temporary (STS) credentials</source>
        <translation>仅用于临时密钥（STS）</translation>
    </message>
    <message>
        <source>Show the token</source>
        <translation>显示 Token</translation>
    </message>
    <message>
        <source>Hide the token</source>
        <translation>隐藏 Token</translation>
    </message>
    <message>
        <source>&amp;Token (optional):</source>
        <translation>Token（可选）(&amp;T)：</translation>
    </message>
    <message>
        <source>e.g. ap-guangzhou</source>
        <translation>例如 ap-guangzhou</translation>
    </message>
    <message>
        <source>The region used for tasks added without one.</source>
        <translation>添加任务时未指定地域则使用此地域。</translation>
    </message>
    <message>
        <source>Default &amp;region:</source>
        <translation>默认地域(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>接入点(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>测试(&amp;T)</translation>
    </message>
    <message>
        <source>Send one request with these values (nothing is saved) to check that the keys are accepted.</source>
        <translation>使用当前填写的值发送一次请求（不保存任何内容），检查密钥是否有效。</translation>
    </message>
    <message>
        <source>Use for this session only</source>
        <translation>仅用于本次会话</translation>
    </message>
    <message>
        <source>Keep these keys in memory until the application quits; nothing is written to disk.</source>
        <translation>将这些密钥保留在内存中，直到应用退出；不会写入磁盘。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a region name (lowercase letters, digits and &apos;-&apos;, e.g. ap-guangzhou).</source>
        <translation>“%1”不是有效的地域名称（应由小写字母、数字和 &apos;-&apos; 组成，例如 ap-guangzhou）。</translation>
    </message>
    <message>
        <source>Choose or create a profile first.</source>
        <translation>请先选择或新建配置。</translation>
    </message>
    <message>
        <source>Enter the SecretId and the SecretKey.</source>
        <translation>请输入 SecretId 和 SecretKey。</translation>
    </message>
    <message>
        <source>Enter the SecretId.</source>
        <translation>请输入 SecretId。</translation>
    </message>
    <message>
        <source>Enter the SecretKey.</source>
        <translation>请输入 SecretKey。</translation>
    </message>
    <message>
        <source>%1 (not saved)</source>
        <translation>%1（未保存）</translation>
    </message>
    <message>
        <source>Create a profile with &quot;New profile…&quot;.</source>
        <translation>请通过“新建配置…”创建配置。</translation>
    </message>
    <message>
        <source>New profile &quot;%1&quot;: enter its keys and Save.</source>
        <translation>新配置“%1”：请输入密钥并保存。</translation>
    </message>
    <message>
        <source>Reading the keychain…</source>
        <translation>正在读取钥匙串…</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; loaded from the keychain.</source>
        <translation>已从钥匙串加载配置“%1”。</translation>
    </message>
    <message>
        <source>No keys are stored for profile &quot;%1&quot; yet: enter them and Save.</source>
        <translation>配置“%1”尚未保存密钥：请输入密钥并保存。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid profile name: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>“%1”不是有效的配置名称：请使用 1 到 64 个字母、数字、&apos;.&apos;、&apos;_&apos; 或 &apos;-&apos;。</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>新建配置</translation>
    </message>
    <message>
        <source>Profile name (letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;):</source>
        <translation>配置名称（字母、数字、&apos;.&apos;、&apos;_&apos; 或 &apos;-&apos;）：</translation>
    </message>
    <message>
        <source>Delete profile &quot;%1&quot;? Its keys are removed from the keychain; this cannot be undone.</source>
        <translation>删除配置“%1”？其密钥将从钥匙串中移除，此操作无法撤销。</translation>
    </message>
    <message>
        <source>Removing profile &quot;%1&quot; from the keychain…</source>
        <translation>正在从钥匙串中移除配置“%1”…</translation>
    </message>
    <message>
        <source>Deleted profile &quot;%1&quot;.</source>
        <translation>已删除配置“%1”。</translation>
    </message>
    <message>
        <source>Writing to the keychain…</source>
        <translation>正在写入钥匙串…</translation>
    </message>
    <message>
        <source>Saved profile &quot;%1&quot; in the keychain; it is now the active profile.</source>
        <translation>已将配置“%1”保存到钥匙串，并设为当前使用的配置。</translation>
    </message>
    <message>
        <source>These keys are used for this session only: nothing was written to the keychain or to disk, and they are forgotten when the application quits.</source>
        <translation>这些密钥仅用于本次会话：未写入钥匙串或磁盘，应用退出后即被清除。</translation>
    </message>
    <message>
        <source>The keychain reported an error.</source>
        <translation>钥匙串报告了错误。</translation>
    </message>
    <message>
        <source>Nothing was stored. You can still use the keys for this session only.</source>
        <translation>未保存任何内容。您仍可将这些密钥仅用于本次会话。</translation>
    </message>
    <message>
        <source>No network access is available.</source>
        <translation>网络不可用。</translation>
    </message>
    <message>
        <source>Testing the keys against %1 (region %2)…</source>
        <translation>正在通过 %1（地域 %2）测试密钥…</translation>
    </message>
    <message>
        <source>Replace profiles</source>
        <translation>替换配置</translation>
    </message>
    <message>
        <source>These profiles already exist and their keys will be replaced: %1. Continue?</source>
        <translation>以下配置已存在，其密钥将被替换：%1。是否继续？</translation>
    </message>
    <message>
        <source>There was nothing to import.</source>
        <translation>没有可导入的内容。</translation>
    </message>
    <message>
        <source>Imported before the failure: %1.</source>
        <translation>失败前已导入：%1。</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n profile(s): %1.</source>
        <translation>
            <numerusform>已导入 %n 个配置：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
</context>
<context>
    <name>taskwatch::ui::DesktopNotifier</name>
    <message>
        <source>Show TaskWatch</source>
        <translation>显示 TaskWatch</translation>
    </message>
</context>
<context>
    <name>taskwatch::ui::DetailsPanel</name>
    <message>
        <source>Waiting for the first query</source>
        <translation>等待首次查询</translation>
    </message>
    <message>
        <source>Polling; next query at %1</source>
        <translation>轮询中；下次查询时间 %1</translation>
    </message>
    <message>
        <source>Polling</source>
        <translation>轮询中</translation>
    </message>
    <message>
        <source>Retrying (failures in a row: %1)</source>
        <translation>重试中（已连续失败 %1 次）</translation>
    </message>
    <message>
        <source>Finished (no longer polled)</source>
        <translation>已结束（不再轮询）</translation>
    </message>
    <message>
        <source>Stopped by an error (Retry polls it again)</source>
        <translation>因错误停止（使用“重试”可重新轮询）</translation>
    </message>
    <message>
        <source>On hold (the credentials were rejected)</source>
        <translation>已挂起（凭证被拒绝）</translation>
    </message>
    <message>
        <source>Select a task to see its details.</source>
        <translation>选择一个任务以查看其详情。</translation>
    </message>
    <message>
        <source>Last checked:</source>
        <translation>上次查询：</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the RequestId to the clipboard</source>
        <translation>将 RequestId 复制到剪贴板</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>地域：</translation>
    </message>
    <message>
        <source>Polling:</source>
        <translation>轮询：</translation>
    </message>
    <message>
        <source>Added:</source>
        <translation>添加时间：</translation>
    </message>
    <message>
        <source>Finished:</source>
        <translation>结束时间：</translation>
    </message>
    <message>
        <source>HTTP status:</source>
        <translation>HTTP 状态码：</translation>
    </message>
    <message>
        <source>RequestId:</source>
        <translation>RequestId：</translation>
    </message>
    <message>
        <source>The server has not sent any Info for this task.</source>
        <translation>服务器尚未返回此任务的 Info。</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>观测时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>RequestId</source>
        <translation>RequestId</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>The last query succeeded.</source>
        <translation>最近一次查询成功。</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>错误码：</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>错误信息：</translation>
    </message>
    <message>
        <source>Meaning:</source>
        <translation>含义：</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>处理建议：</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>No response received yet.</source>
        <translation>尚未收到响应。</translation>
    </message>
    <message>
        <source>Raw response</source>
        <translation>原始响应</translation>
    </message>
    <message>
        <source>Last status: %1</source>
        <translation>最近状态：%1</translation>
    </message>
    <message>
        <source>Paused (no query is sent until polling resumes)</source>
        <translation>已暂停（恢复轮询前不发送查询）</translation>
    </message>
    <message>
        <source>Task ID</source>
        <translation>任务 ID</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>上次检查</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP 状态</translation>
    </message>
    <message>
        <source>Copy the RequestId</source>
        <translation>复制 RequestId</translation>
    </message>
    <message>
        <source>The full Info text the server sent for this task</source>
        <translation>服务器为此任务发送的完整 Info 文本</translation>
    </message>
    <message>
        <source>Every observed change of the task, oldest first</source>
        <translation>观察到的此任务的每次变化，按时间先后排列</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>错误码</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>错误信息</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>处理建议</translation>
    </message>
    <message>
        <source>The last response of the server, as received (bounded)</source>
        <translation>服务器最近一次的原始响应（有长度上限）</translation>
    </message>
    <message>
        <source>Copy the text of this tab to the clipboard</source>
        <translation>将此标签页的文本复制到剪贴板</translation>
    </message>
    <message>
        <source>Copy the text of this tab</source>
        <translation>复制此标签页的文本</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Task type</source>
        <translation>任务类型</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>%p %</source>
        <translation>%p %</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>JobId</source>
        <translation>JobId</translation>
    </message>
    <message>
        <source>Task result</source>
        <translation>任务结果</translation>
    </message>
    <message>
        <source>Instance:</source>
        <translation>实例：</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Progress:</source>
        <translation>进度：</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>开始时间：</translation>
    </message>
    <message>
        <source>Ended:</source>
        <translation>结束时间：</translation>
    </message>
    <message>
        <source>JobId:</source>
        <translation>JobId：</translation>
    </message>
    <message>
        <source>Task result:</source>
        <translation>任务结果：</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Not ended yet</source>
        <translation>尚未结束</translation>
    </message>
    <message>
        <source>Code %1: %2</source>
        <translation>错误码 %1：%2</translation>
    </message>
    <message>
        <source>Vendor status:</source>
        <translation>产品原始状态：</translation>
    </message>
    <message>
        <source>The status as the product&apos;s API words it</source>
        <translation>产品 API 原话所述的状态</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>产品：</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Vendor status</source>
        <translation>产品原始状态</translation>
    </message>
</context>
<context>
    <name>taskwatch::ui::DiscoverDialog</name>
    <message>
        <source>Only &amp;unfinished tasks</source>
        <translation>仅未结束的任务(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keep discovering (every 60 s)</source>
        <translation>持续发现（每 60 秒）(&amp;K)</translation>
    </message>
    <message>
        <source>Discover Tasks</source>
        <translation>发现任务</translation>
    </message>
    <message>
        <source>List the account&apos;s tasks with DescribeTasks and watch them here, without pasting their ids.</source>
        <translation>通过 DescribeTasks 列出该账号的任务并在此处监视，无需粘贴任务 ID。</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>The credential profile (account) whose tasks are listed</source>
        <translation>要列出其任务的凭证配置（账号）</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Check every region to list; Space checks or unchecks one</source>
        <translation>勾选要列出的每个地域；按空格键勾选或取消勾选</translation>
    </message>
    <message>
        <source>A task is listed only in its own region: check every region to look in</source>
        <translation>任务仅在其所属地域中列出：请勾选要查找的每个地域</translation>
    </message>
    <message>
        <source>Started since</source>
        <translation>开始时间不早于</translation>
    </message>
    <message>
        <source>The last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>The last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>The last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>A chosen time</source>
        <translation>指定时间</translation>
    </message>
    <message>
        <source>Started since (local time)</source>
        <translation>开始时间不早于（本地时间）</translation>
    </message>
    <message>
        <source>Leave out tasks that had already finished</source>
        <translation>不包括已经结束的任务</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>All instances (or ids: cdb-c1nl9rpv, cdb-…)</source>
        <translation>所有实例（或输入 ID：cdb-c1nl9rpv, cdb-…）</translation>
    </message>
    <message>
        <source>Only the tasks of these instances: ids separated by commas or spaces</source>
        <translation>仅这些实例的任务：ID 之间用逗号或空格分隔</translation>
    </message>
    <message>
        <source>Task type</source>
        <translation>任务类型</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>任意类型</translation>
    </message>
    <message>
        <source>List these regions again every 60 s, also after TaskWatch starts again, so new tasks appear by themselves</source>
        <translation>每 60 秒重新列出这些地域（TaskWatch 重新启动后也会继续），新任务会自动出现</translation>
    </message>
    <message>
        <source>&amp;Discover</source>
        <translation>发现(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>配置(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Regions:</source>
        <translation>地域(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Started since:</source>
        <translation>开始时间不早于(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Instances:</source>
        <translation>实例(&amp;I)：</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>类型(&amp;Y)：</translation>
    </message>
    <message>
        <source>Check at least one region.</source>
        <translation>请至少勾选一个地域。</translation>
    </message>
    <message>
        <source>The instance filter holds something that is not an instance id (like cdb-c1nl9rpv), or more than %1 ids.</source>
        <translation>实例筛选中包含不是实例 ID（如 cdb-c1nl9rpv）的内容，或超过 %1 个 ID。</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Whose tasks to list: MySQL&apos;s (DescribeTasks), or another product&apos;s list action</source>
        <translation>列出哪个产品的任务：MySQL（DescribeTasks），或其他产品的列表接口</translation>
    </message>
    <message>
        <source>Produc&amp;t:</source>
        <translation>产品(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>taskwatch::ui::EndpointChooser</name>
    <message>
        <source>Endpoint</source>
        <translation>接入点</translation>
    </message>
    <message>
        <source>International — cdb.intl.tencentcloudapi.com</source>
        <translation>国际站 — cdb.intl.tencentcloudapi.com</translation>
    </message>
    <message>
        <source>Mainland China — cdb.tencentcloudapi.com</source>
        <translation>中国大陆 — cdb.tencentcloudapi.com</translation>
    </message>
    <message>
        <source>Regional — cdb.&lt;region&gt;.tencentcloudapi.com (follows the region)</source>
        <translation>地域接入点 — cdb.&lt;region&gt;.tencentcloudapi.com（跟随所选地域）</translation>
    </message>
    <message>
        <source>Financial zone — cdb.&lt;region&gt;.tencentcloudapi.com (ap-shanghai-fsi, ap-shenzhen-fsi)</source>
        <translation>金融区 — cdb.&lt;region&gt;.tencentcloudapi.com（ap-shanghai-fsi、ap-shenzhen-fsi）</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>Endpoint URL</source>
        <translation>接入点 URL</translation>
    </message>
    <message>
        <source>The https:// URL of a custom API endpoint</source>
        <translation>自定义 API 接入点的 https:// URL</translation>
    </message>
    <message>
        <source>The regional endpoint needs a region: choose one above.</source>
        <translation>地域接入点需要指定地域：请在上方选择。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a region name (lowercase letters, digits and &apos;-&apos;, e.g. ap-guangzhou).</source>
        <translation>“%1”不是有效的地域名称（应由小写字母、数字和 &apos;-&apos; 组成，例如 ap-guangzhou）。</translation>
    </message>
    <message>
        <source>The financial zone endpoint is for the regions ap-shanghai-fsi and ap-shenzhen-fsi: choose one of them as the region, or another endpoint.</source>
        <translation>金融区接入点仅适用于 ap-shanghai-fsi 和 ap-shenzhen-fsi 地域：请选择其中之一作为地域，或改用其他接入点。</translation>
    </message>
    <message>
        <source>Enter the endpoint URL, e.g. https://cdb.tencentcloudapi.com.</source>
        <translation>请输入接入点 URL，例如 https://cdb.tencentcloudapi.com。</translation>
    </message>
    <message>
        <source>Requests go to %1. Financial-zone regions (ap-shanghai-fsi, ap-shenzhen-fsi) require their own host: they are not served by the international, mainland or other regional hosts.</source>
        <translation>请求将发送到 %1。金融区地域（ap-shanghai-fsi、ap-shenzhen-fsi）需要使用专用域名：国际站、中国大陆及其他地域的域名均不提供其服务。</translation>
    </message>
    <message>
        <source>Requests go to %1.</source>
        <translation>请求将发送到 %1。</translation>
    </message>
</context>
<context>
    <name>taskwatch::ui::ExportDialog</name>
    <message numerus="yes">
        <source>The &amp;selected tasks (%n)</source>
        <translation>
            <numerusform>所选任务（%n 个）(&amp;S)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;All tasks</source>
        <translation>所有任务(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Excel-compatible (UTF-8 with a byte order mark)</source>
        <translation>兼容 Excel（带字节顺序标记的 UTF-8）(&amp;E)</translation>
    </message>
    <message>
        <source>Export History</source>
        <translation>导出历史记录</translation>
    </message>
    <message>
        <source>History of</source>
        <translation>导出范围</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Excel needs the byte order mark to read UTF-8; LibreOffice asks for the character set on import (choose UTF-8)</source>
        <translation>Excel 需要字节顺序标记才能识别 UTF-8；LibreOffice 导入时会询问字符集（请选择 UTF-8）</translation>
    </message>
    <message>
        <source>CSV, UTF-8, one line per observed change. LibreOffice asks for the character set when it opens the file: choose UTF-8.</source>
        <translation>CSV 格式，UTF-8 编码，每个观察到的变化一行。LibreOffice 打开文件时会询问字符集：请选择 UTF-8。</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>taskwatch::ui::GuiApp</name>
    <message>
        <source>The profile was deleted.</source>
        <translation>该配置已删除。</translation>
    </message>
    <message>
        <source>The history cannot be used: changes are not saved this time</source>
        <translation>无法使用历史记录：本次的变化不会被保存</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The history was damaged: a new one was started</source>
        <translation>历史记录已损坏：已新建一份历史记录</translation>
    </message>
    <message>
        <source>Cannot start the demo emulator: %1</source>
        <translation>无法启动演示模拟器：%1</translation>
    </message>
    <message>
        <source>The saved tasks could not be read: the table shows only new ones</source>
        <translation>无法读取已保存的任务：表格只显示新的任务</translation>
    </message>
    <message>
        <source>%1 could not be read (%2). The file was left as it is; new tasks are saved to it.</source>
        <translation>无法读取 %1（%2）。该文件保持原样；新任务仍会保存到其中。</translation>
    </message>
    <message>
        <source>The demo uses built-in credentials; run without --demo to set up your own.</source>
        <translation>演示模式使用内置凭证；如需设置自己的凭证，请不带 --demo 运行。</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1</source>
        <translation>
            <numerusform>已导出 %n 行到 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>taskwatch::ui::ImportMenu</name>
    <message>
        <source>From ~/.tencentcloud/&amp;credentials…</source>
        <translation>从 ~/.tencentcloud/credentials 导入(&amp;C)…</translation>
    </message>
    <message>
        <source>The SDKs&apos; credentials file (or $TENCENTCLOUD_CREDENTIALS_FILE); each section is a profile.</source>
        <translation>SDK 的凭证文件（或 $TENCENTCLOUD_CREDENTIALS_FILE），每个节（section）对应一个配置。</translation>
    </message>
    <message>
        <source>From a &amp;tccli profile…</source>
        <translation>从 tccli 配置导入(&amp;T)…</translation>
    </message>
    <message>
        <source>From the &amp;environment…</source>
        <translation>从环境变量导入(&amp;E)…</translation>
    </message>
    <message>
        <source>TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and optionally TENCENTCLOUD_TOKEN and TENCENTCLOUD_REGION.</source>
        <translation>TENCENTCLOUD_SECRET_ID、TENCENTCLOUD_SECRET_KEY，以及可选的 TENCENTCLOUD_TOKEN 和 TENCENTCLOUD_REGION。</translation>
    </message>
    <message>
        <source>All profiles (%1)</source>
        <translation>全部配置（%1 个）</translation>
    </message>
    <message>
        <source>Import credentials</source>
        <translation>导入凭证</translation>
    </message>
    <message>
        <source>%1 has several profiles. Which should be imported?</source>
        <translation>%1 包含多个配置。要导入哪一个？</translation>
    </message>
    <message>
        <source>Import from tccli</source>
        <translation>从 tccli 导入</translation>
    </message>
    <message>
        <source>tccli profile name:</source>
        <translation>tccli 配置名称：</translation>
    </message>
    <message>
        <source>Import from the environment</source>
        <translation>从环境变量导入</translation>
    </message>
    <message>
        <source>Store the environment&apos;s keys as profile:</source>
        <translation>将环境变量中的密钥保存为配置：</translation>
    </message>
</context>
<context>
    <name>taskwatch::ui::MainWindow</name>
    <message>
        <source>CDB TaskWatch</source>
        <translation>CDB TaskWatch</translation>
    </message>
    <message>
        <source>&amp;Add Tasks…</source>
        <translation>添加任务(&amp;A)…</translation>
    </message>
    <message>
        <source>Add task ids (Ctrl+N); you can also paste them with Ctrl+V or drop text here</source>
        <translation>添加任务 ID（Ctrl+N）；也可以按 Ctrl+V 粘贴，或将文本拖放到此处</translation>
    </message>
    <message>
        <source>&amp;Paste Task IDs</source>
        <translation>粘贴任务 ID(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Refresh Now</source>
        <translation>立即刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Query the selected tasks, or all unfinished tasks, now (F5)</source>
        <translation>立即查询所选任务；未选择任务时查询所有未结束的任务（F5）</translation>
    </message>
    <message>
        <source>&amp;Pause Polling</source>
        <translation>暂停轮询(&amp;P)</translation>
    </message>
    <message>
        <source>Stop sending queries until you resume (Ctrl+Shift+P)</source>
        <translation>停止发送查询，直到恢复为止（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>Poll the selected tasks again, even after an error (Ctrl+R)</source>
        <translation>重新轮询所选任务，即使之前出错（Ctrl+R）</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>Remove the selected tasks from the list; their history is kept (Del)</source>
        <translation>从列表中移除所选任务，其历史记录会保留（Del）</translation>
    </message>
    <message>
        <source>&amp;Copy IDs</source>
        <translation>复制 ID(&amp;C)</translation>
    </message>
    <message>
        <source>Copy Request&amp;Id</source>
        <translation>复制 RequestId(&amp;I)</translation>
    </message>
    <message>
        <source>C&amp;lear Finished</source>
        <translation>清除已结束任务(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Export History…</source>
        <translation>导出历史记录(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Hide Finished</source>
        <translation>隐藏已结束任务(&amp;H)</translation>
    </message>
    <message>
        <source>Show only tasks that are still running or waiting (Ctrl+H)</source>
        <translation>仅显示仍在运行或等待中的任务（Ctrl+H）</translation>
    </message>
    <message>
        <source>Desktop &amp;Notifications</source>
        <translation>桌面通知(&amp;N)</translation>
    </message>
    <message>
        <source>Show a desktop notification when a task finishes</source>
        <translation>任务结束时显示桌面通知</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>筛选(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>任务(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>RequestId copied to the clipboard</source>
        <translation>已将 RequestId 复制到剪贴板</translation>
    </message>
    <message>
        <source>This computer&apos;s clock differs from the server&apos;s by %1 s; requests are corrected</source>
        <translation>本机时钟与服务器相差 %1 秒，请求时间已自动校正</translation>
    </message>
    <message>
        <source>The clipboard holds no text</source>
        <translation>剪贴板中没有文本</translation>
    </message>
    <message>
        <source>Could not read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <source>Task ids copied: %1</source>
        <translation>已复制任务 ID：%1 个</translation>
    </message>
    <message>
        <source>Refreshing every unfinished task</source>
        <translation>正在刷新所有未结束的任务</translation>
    </message>
    <message>
        <source>Refreshing the selected tasks: %1</source>
        <translation>正在刷新所选任务：%1 个</translation>
    </message>
    <message>
        <source>Resume &amp;Polling</source>
        <translation>恢复轮询(&amp;P)</translation>
    </message>
    <message>
        <source>%1 active · %2 finished</source>
        <translation>%1 个进行中 · %2 个已结束</translation>
    </message>
    <message>
        <source>%1 req/s</source>
        <translation>%1 次/秒</translation>
    </message>
    <message>
        <source>Not polling: no credentials</source>
        <translation>未轮询：没有凭证</translation>
    </message>
    <message>
        <source>Polling on hold</source>
        <translation>轮询已挂起</translation>
    </message>
    <message>
        <source>Polling paused</source>
        <translation>轮询已暂停</translation>
    </message>
    <message>
        <source>Waiting for replies</source>
        <translation>等待响应</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Next poll in &lt;1 s</source>
        <translation>下次轮询：&lt;1 秒后</translation>
    </message>
    <message>
        <source>Next poll in %1 s</source>
        <translation>下次轮询：%1 秒后</translation>
    </message>
    <message>
        <source>CDB TaskWatch (Demo)</source>
        <translation>CDB TaskWatch（演示）</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>The language changes when TaskWatch starts again</source>
        <translation>重新启动 TaskWatch 后语言才会更改</translation>
    </message>
    <message>
        <source>Show the tasks of profile</source>
        <translation>显示此配置的任务</translation>
    </message>
    <message>
        <source>Show the tasks of one profile (account) only</source>
        <translation>仅显示一个配置（账号）的任务</translation>
    </message>
    <message>
        <source>All profiles</source>
        <translation>所有配置</translation>
    </message>
    <message>
        <source>The server asked %1 to slow down (%2): polling at a lower rate for a while</source>
        <translation>服务器要求 %1 降低请求频率（%2）：暂时以较低频率轮询</translation>
    </message>
    <message>
        <source>&amp;Credentials…</source>
        <translation>凭据(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;System default</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>Filter tasks</source>
        <translation>筛选任务</translation>
    </message>
    <message>
        <source>Shows only the tasks whose id, status, Info, error or profile contains this text (Ctrl+F)</source>
        <translation>只显示 ID、状态、Info、错误或配置中包含此文本的任务（Ctrl+F）</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Remove every finished task, also those stopped by an error (Ctrl+Shift+Del; Ctrl+Z undoes)</source>
        <translation>移除所有已结束的任务，包括因错误停止的任务（Ctrl+Shift+Del；Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <source>Copy &amp;Rows</source>
        <translation>复制行(&amp;R)</translation>
    </message>
    <message>
        <source>Copy the selected rows: their visible columns, tab-separated (Ctrl+Alt+C)</source>
        <translation>复制所选行：其可见列，以制表符分隔（Ctrl+Alt+C）</translation>
    </message>
    <message>
        <source>Copy I&amp;nfo</source>
        <translation>复制 Info(&amp;N)</translation>
    </message>
    <message>
        <source>Copy &amp;Error</source>
        <translation>复制错误(&amp;E)</translation>
    </message>
    <message>
        <source>Tasks put back: %1</source>
        <translation>已恢复任务：%1</translation>
    </message>
    <message>
        <source>%1 copied to the clipboard</source>
        <translation>%1 已复制到剪贴板</translation>
    </message>
    <message>
        <source>Tasks removed: %1 (Ctrl+Z puts them back)</source>
        <translation>已移除任务：%1（按 Ctrl+Z 可恢复）</translation>
    </message>
    <message>
        <source>Finished tasks cleared: %1, of which %2 stopped by an error (Ctrl+Z puts them back)</source>
        <translation>已清除结束的任务：%1，其中 %2 个因错误停止（按 Ctrl+Z 可恢复）</translation>
    </message>
    <message>
        <source>Finished tasks cleared: %1 (Ctrl+Z puts them back)</source>
        <translation>已清除结束的任务：%1（按 Ctrl+Z 可恢复）</translation>
    </message>
    <message>
        <source>Rows copied: %1</source>
        <translation>已复制行：%1</translation>
    </message>
    <message>
        <source>Info copied to the clipboard</source>
        <translation>Info 已复制到剪贴板</translation>
    </message>
    <message>
        <source>Error copied to the clipboard</source>
        <translation>错误已复制到剪贴板</translation>
    </message>
    <message>
        <source>&amp;Discover Tasks…</source>
        <translation>发现任务(&amp;D)…</translation>
    </message>
    <message>
        <source>Discover</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>List the account&apos;s tasks (DescribeTasks) and watch them, without pasting ids (Ctrl+D)</source>
        <translation>列出该账号的任务（DescribeTasks）并进行监视，无需粘贴任务 ID（Ctrl+D）</translation>
    </message>
    <message>
        <source>Profile %1 has no credentials yet: discovery starts once they are set</source>
        <translation>配置 %1 尚无凭证：设置凭证后即开始发现任务</translation>
    </message>
    <message>
        <source>Profile %1 has no credentials: set them up to discover its tasks</source>
        <translation>配置 %1 没有凭证：请先设置凭证再发现其任务</translation>
    </message>
    <message>
        <source>Discovering tasks in %1…</source>
        <translation>正在 %1 中发现任务…</translation>
    </message>
    <message numerus="yes">
        <source>Discovered %n task(s) in %1, %2 new</source>
        <translation>
            <numerusform>在 %1 中发现 %n 个任务，其中 %2 个为新任务</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Region %1 was skipped for profile %2: %3</source>
        <translation>配置 %2 已跳过地域 %1：%3</translation>
    </message>
    <message>
        <source>Region skipped</source>
        <translation>已跳过地域</translation>
    </message>
    <message>
        <source>Discovery in %1 failed for profile %2: %3</source>
        <translation>配置 %2 在 %1 中发现任务失败：%3</translation>
    </message>
    <message>
        <source>Filter by ID, status, Info, error, instance or type</source>
        <translation>按 ID、状态、Info、错误、实例或类型筛选</translation>
    </message>
    <message>
        <source>Ta&amp;ble</source>
        <translation>表格(&amp;B)</translation>
    </message>
    <message>
        <source>Show the tasks as a table (Ctrl+1)</source>
        <translation>以表格显示任务（Ctrl+1）</translation>
    </message>
    <message>
        <source>Ti&amp;meline</source>
        <translation>时间线(&amp;M)</translation>
    </message>
    <message>
        <source>Show what ran on each instance, and when: one lane per instance, one bar per task (Ctrl+2)</source>
        <translation>显示每个实例上运行过什么以及何时运行：每个实例一条泳道，每个任务一个条块（Ctrl+2）</translation>
    </message>
    <message>
        <source>Queries sent per second, averaged over the last %1 s (the API allows 40 per second)</source>
        <translation>每秒发送的查询数，按最近 %1 秒平均（API 允许每秒 40 次）</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>The tasks as a table (Ctrl+1)</source>
        <translation>以表格显示任务（Ctrl+1）</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>What ran on each instance, and when (Ctrl+2)</source>
        <translation>每个实例上运行过什么，何时运行（Ctrl+2）</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>所有产品</translation>
    </message>
    <message>
        <source>Show the tasks of product</source>
        <translation>显示该产品的任务</translation>
    </message>
    <message>
        <source>Show the tasks of one product only</source>
        <translation>只显示一个产品的任务</translation>
    </message>
</context>
<context>
    <name>taskwatch::ui::Notifier</name>
    <message>
        <source>Task finished: %1</source>
        <translation>任务已结束：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n tasks finished</source>
        <translation>
            <numerusform>%n 个任务已结束</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>另有 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>taskwatch::ui::PollIntervalMenu</name>
    <message>
        <source>Slowest Poll &amp;Interval</source>
        <translation>最长轮询间隔(&amp;I)</translation>
    </message>
    <message>
        <source>A task that has not changed for a while is polled less often, at most every %1 s: a change may be noticed up to %1 s late</source>
        <translation>一段时间没有变化的任务会降低轮询频率，最长每 %1 秒一次：变化最多可能晚 %1 秒才被发现</translation>
    </message>
    <message>
        <source>&amp;Every 5 s (not adaptive)</source>
        <translation>每 5 秒（不自适应）(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;10 s</source>
        <translation>10 秒(&amp;1)</translation>
    </message>
    <message>
        <source>1&amp;5 s (default)</source>
        <translation>15 秒（默认）(&amp;5)</translation>
    </message>
    <message>
        <source>&amp;30 s</source>
        <translation>30 秒(&amp;3)</translation>
    </message>
    <message>
        <source>&amp;60 s</source>
        <translation>60 秒(&amp;6)</translation>
    </message>
</context>
<context>
    <name>taskwatch::ui::RemovalUndo</name>
    <message>
        <source>&amp;Undo Remove</source>
        <translation>撤销移除(&amp;U)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Undo Remove (%n task(s))</source>
        <translation>
            <numerusform>撤销移除（%n 个任务）(&amp;U)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>taskwatch::ui::TaskTableView</name>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>One row per task: its id, status, Info, last check and last error</source>
        <translation>每个任务一行：ID、状态、Info、上次查询时间和最近的错误</translation>
    </message>
</context>
<context>
    <name>taskwatch::ui::TimelineView</name>
    <message>
        <source>Task timeline</source>
        <translation>任务时间线</translation>
    </message>
    <message>
        <source>One lane per instance; each task is an item from its start to its end. Arrows move between tasks, Enter selects one.</source>
        <translation>每个实例一条泳道；每个任务是从开始到结束的一项。方向键在任务间移动，回车键选中任务。</translation>
    </message>
    <message>
        <source>no instance</source>
        <translation>无实例</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>now (still running)</source>
        <translation>现在（仍在运行）</translation>
    </message>
    <message>
        <source>task %1</source>
        <translation>任务 %1</translation>
    </message>
    <message>
        <source>%1, task %2</source>
        <translation>%1，任务 %2</translation>
    </message>
    <message>
        <source>%1, %2 on %3, from %4 to %5</source>
        <translation>%1，%2，实例 %3，从 %4 到 %5</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Instance: %1</source>
        <translation>实例：%1</translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation>类型：%1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>开始：%1</translation>
    </message>
    <message>
        <source>Added: %1 (its start is not known)</source>
        <translation>添加：%1（开始时间未知）</translation>
    </message>
    <message>
        <source>Still running</source>
        <translation>仍在运行</translation>
    </message>
    <message>
        <source>Ended: %1</source>
        <translation>结束：%1</translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation>用时：%1</translation>
    </message>
    <message>
        <source>Info: %1</source>
        <translation>信息：%1</translation>
    </message>
    <message>
        <source>No task to show. Add task ids or discover the account&apos;s tasks: each task appears here from its start to its end.</source>
        <translation>没有可显示的任务。请添加任务 ID 或发现账号的任务：每个任务在此显示为从开始到结束的条块。</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>No instance</source>
        <translation>无实例</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
</context>
</TS>
