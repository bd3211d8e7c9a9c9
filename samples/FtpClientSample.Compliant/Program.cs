using System;
using System.Net;
using System.Threading;
using FtpClientSample.Compliant;

if (args.Length == 0)
{
    Console.WriteLine("usage: FtpClientSample ftp://host/path/report.csv");
    return;
}

var downloader = new ReportDownloader(new NetworkCredential("anonymous", "guest"));
var ok = downloader.TryDownload(new Uri(args[0]), "report.csv");
Console.WriteLine(ok ? "downloaded" : "failed");

using var connection = new FtpControlConnection();
await connection.ConnectAsync(new Uri(args[0]).Host, "anonymous", "guest", CancellationToken.None);
