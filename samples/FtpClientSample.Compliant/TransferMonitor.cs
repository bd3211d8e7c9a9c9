using System.IO;
using System.Net;

namespace FtpClientSample.Compliant;

/// <summary>Waits for the final reply before it says a transfer completed.</summary>
public static class TransferMonitor
{
    /// <summary>The final reply comes once the data has been read and the response closed.</summary>
    public static bool Completed(FtpWebResponse response, Stream destination)
    {
        response.GetResponseStream().CopyTo(destination);
        response.Close();
        return (int)response.StatusCode / 100 == 2;
    }

    public static bool WasAborted(FtpWebResponse response) => response.StatusCode == FtpStatusCode.ConnectionClosed;
}
