using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpReplyAnalyzers;

/// <summary>
/// The .editorconfig options every rule reads, for one file:
/// <c>ftp_reply_analyzers.retry_helpers</c>, <c>ftp_reply_analyzers.reply_code_members</c> and
/// <c>ftp_reply_analyzers.excluded_symbols</c>, each a comma-separated list of names (<c>Name</c> or <c>Type.Name</c>).
/// </summary>
internal sealed class FtpOptions
{
    public const string RetryHelpersKey = "ftp_reply_analyzers.retry_helpers";
    public const string ReplyCodeMembersKey = "ftp_reply_analyzers.reply_code_members";
    public const string ExcludedSymbolsKey = "ftp_reply_analyzers.excluded_symbols";

    private readonly HashSet<string> _retryHelpers;
    private readonly HashSet<string> _replyCodeMembers;
    private readonly HashSet<string> _excluded;

    private FtpOptions(HashSet<string> retryHelpers, HashSet<string> replyCodeMembers, HashSet<string> excluded)
    {
        _retryHelpers = retryHelpers;
        _replyCodeMembers = replyCodeMembers;
        _excluded = excluded;
    }

    public static FtpOptions None { get; } = new(new HashSet<string>(), new HashSet<string>(), new HashSet<string>());

    public static FtpOptions Read(AnalyzerConfigOptions options)
    {
        var retry = Names(options, RetryHelpersKey);
        var members = Names(options, ReplyCodeMembersKey);
        var excluded = Names(options, ExcludedSymbolsKey);
        return retry.Count + members.Count + excluded.Count == 0 ? None : new FtpOptions(retry, members, excluded);
    }

    /// <summary>True when the user named <paramref name="method"/> as a retry helper or policy.</summary>
    public bool IsRetryHelper(IMethodSymbol method) => Matches(_retryHelpers, method);

    /// <summary>True when the user named <paramref name="member"/> as holding FTP reply codes.</summary>
    public bool IsReplyCodeMember(ISymbol member) => Matches(_replyCodeMembers, member);

    /// <summary>True when <paramref name="symbol"/> or a type or method around it is excluded from analysis.</summary>
    public bool IsExcluded(ISymbol? symbol)
    {
        if (_excluded.Count == 0)
        {
            return false;
        }

        for (var s = symbol; s is not null && s is not INamespaceSymbol; s = s.ContainingSymbol)
        {
            if (Matches(_excluded, s))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(HashSet<string> names, ISymbol symbol)
    {
        if (names.Count == 0)
        {
            return false;
        }

        if (names.Contains(symbol.Name))
        {
            return true;
        }

        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        if (type is null)
        {
            return false;
        }

        return names.Contains(symbol is INamedTypeSymbol ? type.ToDisplayString() : type.Name + "." + symbol.Name)
               || names.Contains(type.ToDisplayString() + "." + symbol.Name);
    }

    private static HashSet<string> Names(AnalyzerConfigOptions options, string key)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
        {
            foreach (var part in value.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var name = part.Trim();
                if (name.Length > 0)
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }
}
