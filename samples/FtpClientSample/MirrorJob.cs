using System;
using System.Net;
using System.Threading;

namespace FtpClientSample;

/// <summary>Mirrors a list of files, retrying failures, and checks whether a server takes UTF-8 paths.</summary>
public sealed class MirrorJob
{
    private readonly ReportDownloader _downloader;

    public MirrorJob(ReportDownloader downloader) => _downloader = downloader;

    public void Mirror(Uri[] files)
    {
        foreach (var file in files)
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                try
                {
                    _downloader.Download(file, file.Segments[^1]);
                    break;
                }
                catch (WebException ex) when (ex.Response is FtpWebResponse response && (int)response.StatusCode >= 400)
                {
                    // Every refusal is retried, 550 (no such file) included.
                    Thread.Sleep(TimeSpan.FromSeconds(attempt + 1));
                }
            }
        }
    }

    public static bool SupportsUtf8(FtpWebResponse optsReply)
    {
        // OPTS UTF8 ON answers 200, or 202 when UTF-8 is always on.
        if (optsReply.StatusCode == FtpStatusCode.CommandOK || optsReply.StatusCode == FtpStatusCode.CommandNotImplemented)
        {
            return true;
        }

        return false;
    }
}
