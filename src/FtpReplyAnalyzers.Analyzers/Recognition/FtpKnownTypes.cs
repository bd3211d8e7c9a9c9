using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FtpReplyAnalyzers.Recognition;

/// <summary>
/// The FTP-related types of one compilation, resolved once at compilation start, and the gate that
/// keeps the analyzers away from code that speaks no FTP.
/// </summary>
internal sealed class FtpKnownTypes
{
    private readonly ConcurrentDictionary<SyntaxTree, bool> _ftpTrees = new();
    private readonly ConcurrentDictionary<SyntaxTree, FtpOptions> _options = new();
    private readonly Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider? _optionsProvider;

    private FtpKnownTypes(Compilation compilation, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider? optionsProvider)
    {
        Compilation = compilation;
        _optionsProvider = optionsProvider;
        FtpStatusCode = compilation.GetTypeByMetadataName("System.Net.FtpStatusCode");
        FtpWebRequest = compilation.GetTypeByMetadataName("System.Net.FtpWebRequest");
        FtpWebResponse = compilation.GetTypeByMetadataName("System.Net.FtpWebResponse");
        WebException = compilation.GetTypeByMetadataName("System.Net.WebException");
        WebExceptionStatus = compilation.GetTypeByMetadataName("System.Net.WebExceptionStatus");
        HttpStatusCode = compilation.GetTypeByMetadataName("System.Net.HttpStatusCode");
        Exception = compilation.GetTypeByMetadataName("System.Exception");
        FluentReply = compilation.GetTypeByMetadataName("FluentFTP.FtpReply");
        FluentResponseType = compilation.GetTypeByMetadataName("FluentFTP.FtpResponseType");
        FluentCommandException = compilation.GetTypeByMetadataName("FluentFTP.Exceptions.FtpCommandException")
            ?? compilation.GetTypeByMetadataName("FluentFTP.FtpCommandException");
        FluentException = compilation.GetTypeByMetadataName("FluentFTP.Exceptions.FtpException")
            ?? compilation.GetTypeByMetadataName("FluentFTP.FtpException");
        FluentClient = compilation.GetTypeByMetadataName("FluentFTP.FtpClient");
        FluentAsyncClient = compilation.GetTypeByMetadataName("FluentFTP.AsyncFtpClient");
        FluentBaseClient = compilation.GetTypeByMetadataName("FluentFTP.Client.BaseClient.BaseFtpClient");
    }

    public Compilation Compilation { get; }
    public INamedTypeSymbol? FtpStatusCode { get; }
    public INamedTypeSymbol? FtpWebRequest { get; }
    public INamedTypeSymbol? FtpWebResponse { get; }
    public INamedTypeSymbol? WebException { get; }
    public INamedTypeSymbol? WebExceptionStatus { get; }
    public INamedTypeSymbol? HttpStatusCode { get; }
    public INamedTypeSymbol? Exception { get; }
    public INamedTypeSymbol? FluentReply { get; }
    public INamedTypeSymbol? FluentResponseType { get; }
    public INamedTypeSymbol? FluentCommandException { get; }
    public INamedTypeSymbol? FluentException { get; }
    public INamedTypeSymbol? FluentClient { get; }
    public INamedTypeSymbol? FluentAsyncClient { get; }
    public INamedTypeSymbol? FluentBaseClient { get; }

    /// <summary>True when FluentFTP is referenced.</summary>
    public bool HasFluentFtp => FluentReply is not null || FluentClient is not null || FluentAsyncClient is not null || FluentCommandException is not null;

    /// <summary>
    /// The FTP types of <paramref name="compilation"/>, or null when no source file mentions FTP and
    /// FluentFTP is not referenced: then no analyzer registers anything.
    /// </summary>
    public static FtpKnownTypes? TryCreate(Compilation compilation, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider? optionsProvider = null)
    {
        var types = new FtpKnownTypes(compilation, optionsProvider);
        if (types.HasFluentFtp)
        {
            return types;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (types.IsFtpTree(tree))
            {
                return types;
            }
        }

        return null;
    }

    /// <summary>The .editorconfig options of a file (cached per tree).</summary>
    public FtpOptions OptionsFor(SyntaxTree tree)
    {
        if (_optionsProvider is null)
        {
            return FtpOptions.None;
        }

        return _options.TryGetValue(tree, out var options) ? options : _options.GetOrAdd(tree, FtpOptions.Read(_optionsProvider.GetOptions(tree)));
    }

    /// <summary>True when the file's text mentions FTP at all (cached per tree).</summary>
    public bool IsFtpTree(SyntaxTree tree) => _ftpTrees.GetOrAdd(tree, static t => MentionsFtp(t.GetText()));

    public bool IsFtpStatusCode(ITypeSymbol? type) => type is { TypeKind: TypeKind.Enum } && FtpStatusCode is not null && SymbolEqualityComparer.Default.Equals(type, FtpStatusCode);

    public bool IsResponseType(ITypeSymbol? type) => type is { TypeKind: TypeKind.Enum } && FluentResponseType is not null && SymbolEqualityComparer.Default.Equals(type, FluentResponseType);

    public bool IsHttpStatusCode(ITypeSymbol? type) => type is { TypeKind: TypeKind.Enum } && HttpStatusCode is not null && SymbolEqualityComparer.Default.Equals(type, HttpStatusCode);

    public bool IsFluentReply(ITypeSymbol? type) => type is not null && FluentReply is not null && SymbolEqualityComparer.Default.Equals(type, FluentReply);

    /// <summary>True for FtpCommandException (or a subclass).</summary>
    public bool IsCommandException(ITypeSymbol? type) => InheritsFrom(type, FluentCommandException);

    /// <summary>True for FluentFTP's FtpException family.</summary>
    public bool IsFluentException(ITypeSymbol? type) => InheritsFrom(type, FluentException) || IsCommandException(type);

    public bool IsWebException(ITypeSymbol? type) => InheritsFrom(type, WebException);

    /// <summary>
    /// True for a type whose value carries a reply: FluentFTP's reply and exceptions, WebException, FtpWebRequest and
    /// FtpWebResponse, FtpStatusCode, FtpResponseType. Known once per type: the base-type walks are asked of every
    /// value in a thrown exception's construction.
    /// </summary>
    public bool IsReplyCarrier(ITypeSymbol type)
    {
        if (_carriers.TryGetValue(type, out var carries))
        {
            return carries;
        }

        carries = IsFluentReply(type) || IsWebException(type) || IsFluentException(type) || IsFtpWebType(type) || IsFtpStatusCode(type) || IsResponseType(type);
        return _carriers.GetOrAdd(type, carries);
    }

    private readonly ConcurrentDictionary<ITypeSymbol, bool> _carriers = new(SymbolEqualityComparer.Default);

    public bool IsFtpWebType(ITypeSymbol? type)
        => type is not null && (SymbolEqualityComparer.Default.Equals(type, FtpWebRequest) || SymbolEqualityComparer.Default.Equals(type, FtpWebResponse));

    /// <summary>True for FluentFTP's clients, whose high-level calls throw on negative replies.</summary>
    public bool IsFluentClient(ITypeSymbol? type)
        => InheritsFrom(type, FluentClient) || InheritsFrom(type, FluentAsyncClient) || InheritsFrom(type, FluentBaseClient)
           || (type is not null && type.TypeKind == TypeKind.Interface && type.Name is "IFtpClient" or "IAsyncFtpClient" && IsInFluentNamespace(type));

    public static bool IsInFluentNamespace(ISymbol symbol)
    {
        var ns = symbol.ContainingNamespace;
        while (ns is { IsGlobalNamespace: false })
        {
            if (ns.Name == "FluentFTP" && ns.ContainingNamespace is { IsGlobalNamespace: true })
            {
                return true;
            }

            ns = ns.ContainingNamespace;
        }

        return false;
    }

    private static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        // Every type asked about is a class of a library; strings, numbers and other special types never derive from one.
        if (baseType is null || type is null || type.TypeKind != TypeKind.Class || type.SpecialType != SpecialType.None)
        {
            return false;
        }

        for (var t = type; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    [ThreadStatic]
    private static char[]? s_chunk;

    private static bool MentionsFtp(SourceText text)
    {
        const int Chunk = 4096;
        var buffer = s_chunk ??= new char[Chunk + 2];
        var length = text.Length;
        for (var start = 0; start < length; start += Chunk)
        {
            // Overlap two characters so a word split across chunks is still seen.
            var from = start == 0 ? 0 : start - 2;
            var count = Math.Min(length - from, Chunk + 2);
            text.CopyTo(from, buffer, 0, count);
            for (var i = 0; i + 2 < count; i++)
            {
                var c = buffer[i];
                if ((c == 'f' || c == 'F') && (buffer[i + 1] | 0x20) == 't' && (buffer[i + 2] | 0x20) == 'p')
                {
                    return true;
                }
            }
        }

        return false;
    }
}
