namespace FtpReplyAnalyzers.Benchmarks;

/// <summary>
/// Whole FTP client classes as they are written: the transfers and their reply checks among what surrounds them
/// (request set-up, streams and progress, listing parsing, paths and endpoints, queues and back-off, logging).
/// One of them gets a reply wrong; the others handle their replies right or read none.
/// </summary>
internal static partial class CodeGenerator
{
    private static readonly string[] ClientTemplates =
    {
        """
        public sealed class FtpTransferService{0}
        {{
            private readonly string _host;
            private readonly System.Net.NetworkCredential _credentials;
            private readonly System.Action<string> _log;

            public FtpTransferService{0}(string host, string user, string password, System.Action<string> log)
            {{
                if (string.IsNullOrWhiteSpace(host))
                {{
                    throw new System.ArgumentException("A host is required.", nameof(host));
                }}

                _host = host.Trim().TrimEnd('/');
                _credentials = new System.Net.NetworkCredential(user, password);
                _log = log ?? (_ => {{ }});
            }}

            private System.Net.FtpWebRequest CreateRequest(string path, string method)
            {{
                var uri = new System.Uri("ftp://" + _host + "/" + path.TrimStart('/'));
                var request = (System.Net.FtpWebRequest)System.Net.WebRequest.Create(uri);
                request.Method = method;
                request.Credentials = _credentials;
                request.UseBinary = true;
                request.UsePassive = true;
                request.KeepAlive = false;
                request.Timeout = 30_000;
                return request;
            }}

            public long Upload(string localPath, string remotePath, System.IProgress<long>? progress)
            {{
                var info = new System.IO.FileInfo(localPath);
                if (!info.Exists)
                {{
                    throw new System.IO.FileNotFoundException("Nothing to upload.", localPath);
                }}

                var request = CreateRequest(remotePath, System.Net.WebRequestMethods.Ftp.UploadFile);
                request.ContentLength = info.Length;
                long sent = 0;
                using (var source = info.OpenRead())
                using (var target = request.GetRequestStream())
                {{
                    var buffer = new byte[81920];
                    int read;
                    while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
                    {{
                        target.Write(buffer, 0, read);
                        sent += read;
                        progress?.Report(sent);
                    }}
                }}

                using var response = (System.Net.FtpWebResponse)request.GetResponse();
                _log($"{{remotePath}}: {{response.StatusDescription?.Trim()}}");
                return sent;
            }}

            public System.Collections.Generic.List<string> ListDirectory(string path)
            {{
                var request = CreateRequest(path, System.Net.WebRequestMethods.Ftp.ListDirectory);
                var names = new System.Collections.Generic.List<string>();
                using var response = (System.Net.FtpWebResponse)request.GetResponse();
                using var reader = new System.IO.StreamReader(response.GetResponseStream());
                string? line;
                while ((line = reader.ReadLine()) != null)
                {{
                    var name = line.Trim();
                    if (name.Length == 0 || name == "." || name == "..")
                    {{
                        continue;
                    }}

                    names.Add(name.Substring(name.LastIndexOf('/') + 1));
                }}

                names.Sort(System.StringComparer.OrdinalIgnoreCase);
                return names;
            }}

            public void EnsureDirectory(string path)
            {{
                try
                {{
                    var request = CreateRequest(path, System.Net.WebRequestMethods.Ftp.MakeDirectory);
                    using var response = (System.Net.FtpWebResponse)request.GetResponse();
                    _log("created " + path);
                }}
                catch (System.Net.WebException ex) when (ex.Response is System.Net.FtpWebResponse {{ StatusCode: System.Net.FtpStatusCode.ActionNotTakenFileUnavailable }})
                {{
                    // 550 to MKD: the directory is already there.
                    _log("exists " + path);
                }}
            }}

            public long GetFileSize(string path)
            {{
                var request = CreateRequest(path, System.Net.WebRequestMethods.Ftp.GetFileSize);
                using var response = (System.Net.FtpWebResponse)request.GetResponse();
                return response.ContentLength;
            }}
        }}
        """,
        """
        public sealed class FtpSyncJob{0}
        {{
            public sealed record Settings(string Host, string User, string Password, string LocalFolder, string RemoteFolder, string[] Extensions);

            private readonly Settings _settings;
            private readonly System.Collections.Generic.List<string> _failures = new();
            private int _uploaded;

            public FtpSyncJob{0}(Settings settings) => _settings = settings ?? throw new System.ArgumentNullException(nameof(settings));

            public System.Collections.Generic.IReadOnlyList<string> Failures => _failures;

            public async System.Threading.Tasks.Task<string> RunAsync(System.DateTime since, System.Threading.CancellationToken token)
            {{
                var files = System.Linq.Enumerable.ToList(
                    System.Linq.Enumerable.Where(
                        System.IO.Directory.GetFiles(_settings.LocalFolder),
                        f => System.Linq.Enumerable.Contains(_settings.Extensions, System.IO.Path.GetExtension(f), System.StringComparer.OrdinalIgnoreCase)
                             && System.IO.File.GetLastWriteTimeUtc(f) > since));
                if (files.Count == 0)
                {{
                    return "nothing to upload";
                }}

                using var client = new FluentFTP.AsyncFtpClient(_settings.Host, _settings.User, _settings.Password);
                client.Config.RetryAttempts = 3;
                await client.Connect(token);
                try
                {{
                    foreach (var file in files)
                    {{
                        token.ThrowIfCancellationRequested();
                        var remote = RemotePathFor(file);
                        var status = await client.UploadFile(file, remote, token);
                        if (status == FluentFTP.FtpStatus.Failed)
                        {{
                            _failures.Add(remote);
                            continue;
                        }}

                        _uploaded++;
                    }}

                    var chmod = await client.Execute("SITE CHMOD 644 " + _settings.RemoteFolder, token);
                    if (!chmod.Success)
                    {{
                        _failures.Add("chmod: " + chmod.Message);
                    }}
                }}
                finally
                {{
                    await client.Disconnect(token);
                }}

                return Summary(files.Count);
            }}

            private string RemotePathFor(string localFile)
            {{
                var name = System.IO.Path.GetFileName(localFile).Replace(' ', '_');
                var folder = _settings.RemoteFolder.Replace('\\', '/').TrimEnd('/');
                return folder + "/" + name.ToLowerInvariant();
            }}

            private string Summary(int total)
            {{
                var text = new System.Text.StringBuilder();
                text.Append(_uploaded).Append(" of ").Append(total).Append(" files uploaded");
                if (_failures.Count > 0)
                {{
                    text.Append("; failed: ").Append(string.Join(", ", _failures));
                }}

                return text.ToString();
            }}
        }}
        """,
        """
        public sealed class FtpControlConnection{0} : System.IDisposable
        {{
            private readonly System.Net.Sockets.TcpClient _tcp = new();
            private System.IO.StreamReader? _reader;
            private System.IO.StreamWriter? _writer;

            public void Open(string host, int port)
            {{
                _tcp.Connect(host, port);
                var stream = _tcp.GetStream();
                _reader = new System.IO.StreamReader(stream, System.Text.Encoding.ASCII);
                _writer = new System.IO.StreamWriter(stream, System.Text.Encoding.ASCII) {{ NewLine = "\r\n", AutoFlush = true }};
                var greeting = ReadReply(out _);
                if (greeting != 220)
                {{
                    throw new System.IO.IOException("No greeting from " + host);
                }}
            }}

            public int ReadReply(out string message)
            {{
                var text = new System.Text.StringBuilder();
                var line = _reader!.ReadLine() ?? throw new System.IO.EndOfStreamException();
                text.Append(line.Length > 4 ? line.Substring(4) : string.Empty);
                var code = int.Parse(line.Substring(0, 3), System.Globalization.CultureInfo.InvariantCulture);
                if (line.Length > 3 && line[3] == '-')
                {{
                    var end = line.Substring(0, 3) + " ";
                    while ((line = _reader.ReadLine()) != null)
                    {{
                        text.Append('\n').Append(line);
                        if (line.StartsWith(end, System.StringComparison.Ordinal))
                        {{
                            break;
                        }}
                    }}
                }}

                message = text.ToString();
                return code;
            }}

            public int Send(string command, out string message)
            {{
                _writer!.WriteLine(command);
                return ReadReply(out message);
            }}

            public void Login(string user, string password)
            {{
                var code = Send("USER " + user, out var message);
                if (code == 331)
                {{
                    code = Send("PASS " + password, out message);
                }}

                if (code / 100 != 2)
                {{
                    throw new System.Security.Authentication.AuthenticationException(code + " " + message);
                }}
            }}

            public System.Net.IPEndPoint EnterPassiveMode()
            {{
                var reply = Send("PASV", out var message);
                if (reply / 100 != 2)
                {{
                    throw new System.IO.IOException("PASV refused: " + message);
                }}

                var open = message.IndexOf('(');
                var close = message.IndexOf(')', open + 1);
                var parts = message.Substring(open + 1, close - open - 1).Split(',');
                var address = string.Join(".", parts, 0, 4);
                var port = (int.Parse(parts[4], System.Globalization.CultureInfo.InvariantCulture) << 8) + int.Parse(parts[5], System.Globalization.CultureInfo.InvariantCulture);
                return new System.Net.IPEndPoint(System.Net.IPAddress.Parse(address), port);
            }}

            public void Dispose()
            {{
                try
                {{
                    _writer?.WriteLine("QUIT");
                }}
                catch (System.IO.IOException)
                {{
                    // The server may already have closed the connection.
                }}

                _reader?.Dispose();
                _writer?.Dispose();
                _tcp.Dispose();
            }}
        }}
        """,
        """
        public sealed class RemoteListing{0}
        {{
            [System.Flags]
            public enum Permissions {{ None = 0, Read = 1, Write = 2, Execute = 4 }}

            public sealed record Entry(string Name, long Size, System.DateTime Modified, bool IsDirectory, Permissions Owner);

            private static readonly string[] Months = {{ "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" }};

            public static System.Collections.Generic.List<Entry> Parse(System.Collections.Generic.IEnumerable<string> lines, int currentYear)
            {{
                var entries = new System.Collections.Generic.List<Entry>();
                foreach (var raw in lines)
                {{
                    var line = raw.TrimEnd();
                    if (line.Length < 10 || line.StartsWith("total ", System.StringComparison.Ordinal))
                    {{
                        continue;
                    }}

                    var fields = line.Split(new[] {{ ' ' }}, 9, System.StringSplitOptions.RemoveEmptyEntries);
                    if (fields.Length < 9)
                    {{
                        continue;
                    }}

                    var size = long.TryParse(fields[4], out var parsed) ? parsed : 0;
                    entries.Add(new Entry(fields[8], size, ParseDate(fields[5], fields[6], fields[7], currentYear), line[0] == 'd', OwnerPermissions(fields[0])));
                }}

                return entries;
            }}

            private static Permissions OwnerPermissions(string mode)
            {{
                var result = Permissions.None;
                if (mode.Length > 1 && mode[1] == 'r')
                {{
                    result |= Permissions.Read;
                }}

                if (mode.Length > 2 && mode[2] == 'w')
                {{
                    result |= Permissions.Write;
                }}

                if (mode.Length > 3 && (mode[3] == 'x' || mode[3] == 's'))
                {{
                    result |= Permissions.Execute;
                }}

                return result;
            }}

            private static System.DateTime ParseDate(string month, string day, string yearOrTime, int currentYear)
            {{
                var m = System.Array.IndexOf(Months, month) + 1;
                var d = int.TryParse(day, out var parsedDay) ? parsedDay : 1;
                if (m <= 0)
                {{
                    return System.DateTime.MinValue;
                }}

                if (yearOrTime.Contains(':'))
                {{
                    var time = yearOrTime.Split(':');
                    return new System.DateTime(currentYear, m, d, int.Parse(time[0]), int.Parse(time[1]), 0, System.DateTimeKind.Utc);
                }}

                return new System.DateTime(int.Parse(yearOrTime), m, d, 0, 0, 0, System.DateTimeKind.Utc);
            }}

            public static long TotalSize(System.Collections.Generic.IEnumerable<Entry> entries, bool includeDirectories)
            {{
                long total = 0;
                foreach (var entry in entries)
                {{
                    if (!entry.IsDirectory || includeDirectories)
                    {{
                        total += entry.Size;
                    }}
                }}

                return total;
            }}
        }}
        """,
        """
        public sealed class DownloadQueue{0}
        {{
            public enum ItemState {{ Pending, Done, Failed }}

            public sealed class Item
            {{
                public Item(System.Uri source, string target) {{ Source = source; Target = target; }}
                public System.Uri Source {{ get; }}
                public string Target {{ get; }}
                public ItemState State {{ get; set; }}
                public int Attempts {{ get; set; }}
                public string? Error {{ get; set; }}
            }}

            private readonly System.Collections.Generic.Queue<Item> _queue = new();
            private readonly int _maxAttempts;

            public DownloadQueue{0}(int maxAttempts) => _maxAttempts = maxAttempts < 1 ? 1 : maxAttempts;

            public void Enqueue(System.Uri source, string target) => _queue.Enqueue(new Item(source, target));

            public async System.Threading.Tasks.Task<int> DrainAsync(System.Threading.CancellationToken token)
            {{
                var done = 0;
                while (_queue.Count > 0)
                {{
                    var item = _queue.Dequeue();
                    item.Attempts++;
                    try
                    {{
                        await DownloadAsync(item, token);
                        item.State = ItemState.Done;
                        done++;
                    }}
                    catch (System.Net.WebException ex) when (ex.Response is System.Net.FtpWebResponse response && (int)response.StatusCode >= 500)
                    {{
                        item.State = ItemState.Failed;
                        item.Error = response.StatusDescription;
                    }}
                    catch (System.Net.WebException ex)
                    {{
                        if (item.Attempts >= _maxAttempts)
                        {{
                            item.State = ItemState.Failed;
                            item.Error = ex.Message;
                            continue;
                        }}

                        await System.Threading.Tasks.Task.Delay(Backoff(item.Attempts), token);
                        _queue.Enqueue(item);
                    }}
                }}

                return done;
            }}

            private static System.TimeSpan Backoff(int attempt)
            {{
                var seconds = System.Math.Min(60, System.Math.Pow(2, attempt));
                return System.TimeSpan.FromSeconds(seconds);
            }}

            private static async System.Threading.Tasks.Task DownloadAsync(Item item, System.Threading.CancellationToken token)
            {{
                var request = (System.Net.FtpWebRequest)System.Net.WebRequest.Create(item.Source);
                request.Method = System.Net.WebRequestMethods.Ftp.DownloadFile;
                using var response = (System.Net.FtpWebResponse)await request.GetResponseAsync();
                var directory = System.IO.Path.GetDirectoryName(item.Target);
                if (!string.IsNullOrEmpty(directory))
                {{
                    System.IO.Directory.CreateDirectory(directory);
                }}

                using var file = System.IO.File.Create(item.Target);
                await response.GetResponseStream().CopyToAsync(file, 81920, token);
            }}
        }}
        """,
        """
        public sealed class FtpEndpoint{0} : System.IEquatable<FtpEndpoint{0}>
        {{
            public FtpEndpoint{0}(string host, int port, string user, string path)
            {{
                Host = host.ToLowerInvariant();
                Port = port is > 0 and < 65536 ? port : 21;
                User = string.IsNullOrEmpty(user) ? "anonymous" : user;
                Path = Normalize(path);
            }}

            public string Host {{ get; }}
            public int Port {{ get; }}
            public string User {{ get; }}
            public string Path {{ get; }}

            public static FtpEndpoint{0} Parse(string address)
            {{
                if (!System.Uri.TryCreate(address, System.UriKind.Absolute, out var uri) || (uri.Scheme != "ftp" && uri.Scheme != "ftps"))
                {{
                    throw new System.FormatException("Not an FTP address: " + address);
                }}

                var user = uri.UserInfo.Split(':')[0];
                return new FtpEndpoint{0}(uri.Host, uri.IsDefaultPort ? 21 : uri.Port, System.Uri.UnescapeDataString(user), uri.AbsolutePath);
            }}

            public System.Uri ToUri(string? file = null)
            {{
                var builder = new System.UriBuilder("ftp", Host, Port, file is null ? Path : Combine(Path, file));
                if (User != "anonymous")
                {{
                    builder.UserName = System.Uri.EscapeDataString(User);
                }}

                return builder.Uri;
            }}

            public static string Combine(string folder, string name)
                => folder.EndsWith("/", System.StringComparison.Ordinal) ? folder + name.TrimStart('/') : folder + "/" + name.TrimStart('/');

            private static string Normalize(string path)
            {{
                if (string.IsNullOrWhiteSpace(path))
                {{
                    return "/";
                }}

                var normalized = path.Replace('\\', '/');
                while (normalized.Contains("//"))
                {{
                    normalized = normalized.Replace("//", "/");
                }}

                return normalized.StartsWith("/", System.StringComparison.Ordinal) ? normalized : "/" + normalized;
            }}

            public bool Equals(FtpEndpoint{0}? other)
                => other is not null && Host == other.Host && Port == other.Port && User == other.User && Path == other.Path;

            public override bool Equals(object? obj) => Equals(obj as FtpEndpoint{0});

            public override int GetHashCode() => System.HashCode.Combine(Host, Port, User, Path);

            public override string ToString() => $"ftp://{{User}}@{{Host}}:{{Port}}{{Path}}";
        }}
        """,
    };
}
