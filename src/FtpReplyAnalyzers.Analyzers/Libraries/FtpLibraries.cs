using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection;
using FtpReplyAnalyzers.Catalog;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace FtpReplyAnalyzers.Libraries;

/// <summary>
/// The FTP libraries one compilation uses (and hand-written clients, always), asked in turn; the gate that keeps the
/// analysis away from code that speaks no FTP; and the .editorconfig options of each file.
/// </summary>
internal sealed class FtpLibraries
{
    /// <summary>The constructors of every <see cref="FtpLibrary"/> in this assembly, found once.</summary>
    private static readonly ImmutableArray<ConstructorInfo> Constructors = FindConstructors();

    private readonly ConcurrentDictionary<SyntaxTree, bool> _ftpTrees = new();
    private readonly ConcurrentDictionary<SyntaxTree, FtpOptions> _options = new();
    private readonly AnalyzerConfigOptionsProvider? _optionsProvider;

    private FtpLibraries(Compilation compilation, ImmutableArray<FtpLibrary> present, AnalyzerConfigOptionsProvider? optionsProvider)
    {
        Compilation = compilation;
        Present = present;
        _optionsProvider = optionsProvider;
    }

    public Compilation Compilation { get; }

    /// <summary>
    /// Fields and properties of the project's own types, and whether a method of their type sets them to a reply
    /// read first-hand (see <see cref="Recognition.ReplyRecognizer"/>): found once per member for the compilation.
    /// </summary>
    internal ConcurrentDictionary<ISymbol, bool> MembersWrittenFromReplies { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// Methods of the project's own called in a try body, and the exception an FTP call in them throws on a negative
    /// reply and lets out (see <see cref="Flow.CaughtReply"/>), or null: found once per method for the compilation.
    /// </summary>
    internal ConcurrentDictionary<IMethodSymbol, ITypeSymbol?> ReplyExceptionsLetOut { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>Methods called, and whether they always throw (see <see cref="Flow.ThrowHelpers"/>): found once per method for the compilation.</summary>
    internal ConcurrentDictionary<IMethodSymbol, bool> MethodsThatAlwaysThrow { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// The semantic model of another file of the compilation (a method's callers, a field's initializer). Under the
    /// analyzer driver the compilation hands out the model it shares with the driver.
    /// </summary>
#pragma warning disable RS1030 // Callers and initializers are in other files than the block's: only the compilation has their model.
    public SemanticModel ModelOf(SyntaxTree tree) => Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030

    /// <summary>
    /// A private method of the project, its implementation part for a partial one, with its body in the compilation: a
    /// piece of its callers' own work. A method others may call has its own contract (FluentFTP's Execute reports a
    /// negative reply without throwing, whatever its body calls).
    /// </summary>
    public static bool IsPrivateHelper(IMethodSymbol method)
    {
        method = method.PartialImplementationPart ?? method;
        return method.DeclaredAccessibility == Accessibility.Private && method.MethodKind == MethodKind.Ordinary && !method.IsAbstract
               && method.DeclaringSyntaxReferences.Length == 1;
    }

    /// <summary>The operations of a private helper's body (see <see cref="IsPrivateHelper"/>), or null for any other method.</summary>
    public IOperation? PrivateHelperBody(IMethodSymbol method)
    {
        method = method.PartialImplementationPart ?? method;
        return IsPrivateHelper(method) && method.DeclaringSyntaxReferences[0].GetSyntax() is { } syntax ? ModelOf(syntax.SyntaxTree).GetOperation(syntax) : null;
    }

    /// <summary>The libraries the compilation uses, in the order they are asked; hand-written clients last.</summary>
    public ImmutableArray<FtpLibrary> Present { get; }

    /// <summary>The libraries of <paramref name="compilation"/>, whether or not it speaks FTP (for the fixes).</summary>
    public static FtpLibraries For(Compilation compilation, AnalyzerConfigOptionsProvider? optionsProvider = null)
    {
        var present = new List<FtpLibrary>();
        foreach (var constructor in Constructors)
        {
            var library = (FtpLibrary)constructor.Invoke(new object[] { compilation });
            if (library.IsPresent)
            {
                present.Add(library);
            }
        }

        present.Sort(static (a, b) => a.Order.CompareTo(b.Order));
        return new FtpLibraries(compilation, present.ToImmutableArray(), optionsProvider);
    }

    /// <summary>
    /// The libraries of <paramref name="compilation"/>, or null when no source file mentions FTP and no library that
    /// makes code FTP by itself is referenced: then the analyzer registers nothing.
    /// </summary>
    public static FtpLibraries? TryCreate(Compilation compilation, AnalyzerConfigOptionsProvider? optionsProvider)
    {
        var libraries = For(compilation, optionsProvider);
        foreach (var library in libraries.Present)
        {
            if (library.MakesCompilationFtp)
            {
                return libraries;
            }
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (libraries.IsFtpTree(tree))
            {
                return libraries;
            }
        }

        return null;
    }

    /// <summary>The library named <paramref name="name"/> (a diagnostic's <c>ReplyLibrary</c> property), if present.</summary>
    public FtpLibrary? Named(string? name)
    {
        foreach (var library in Present)
        {
            if (library.Name == name)
            {
                return library;
            }
        }

        return null;
    }

    /// <summary>The .editorconfig options of a file.</summary>
    public FtpOptions OptionsFor(SyntaxTree tree)
    {
        if (_optionsProvider is null)
        {
            return FtpOptions.None;
        }

        // Asked for every site: the lambda that reads the options is made only when the file's are not known yet.
        return _options.TryGetValue(tree, out var options) ? options : _options.GetOrAdd(tree, t => FtpOptions.Read(_optionsProvider.GetOptions(t)));
    }

    /// <summary>True when the file's text mentions FTP at all.</summary>
    public bool IsFtpTree(SyntaxTree tree) => _ftpTrees.GetOrAdd(tree, static t => MentionsFtp(t.GetText()));

    /// <summary>How a value of <paramref name="type"/> holds a reply, and the library that says so.</summary>
    public (ReplyValueKind Kind, FtpLibrary Library)? KindOfValueType(ITypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        foreach (var library in Present)
        {
            if (library.KindOfValueType(type) is { } kind)
            {
                return (kind, library);
            }
        }

        return null;
    }

    public bool IsNeverReply(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        foreach (var library in Present)
        {
            if (library.IsNeverReply(type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The library that owns <paramref name="member"/>'s reply type, with how the member holds the reply (null: it holds none).</summary>
    public FtpLibrary? ReadMember(ISymbol member, out ReplyValueKind? kind)
    {
        foreach (var library in Present)
        {
            if (library.TryReadMember(member, out kind))
            {
                return library;
            }
        }

        kind = null;
        return null;
    }

    /// <summary>True for an exception type that exists to carry a negative reply.</summary>
    public bool IsReplyException(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        foreach (var library in Present)
        {
            if (library.IsReplyException(type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The exception a call throws on a negative reply, or null.</summary>
    public ITypeSymbol? NegativeReplyException(IInvocationOperation invocation)
    {
        foreach (var library in Present)
        {
            if (library.NegativeReplyException(invocation) is { } exception)
            {
                return exception;
            }
        }

        return null;
    }

    /// <summary>True for a type whose values carry a reply (reply objects, responses, exceptions, code and category enums).</summary>
    public bool CarriesReply(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        foreach (var library in Present)
        {
            if (library.CarriesReply(type) || library.KindOfValueType(type) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a reply object (not a code or category enum): a type test on it says only that a reply is there.</summary>
    public bool IsReplyObject(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        foreach (var library in Present)
        {
            if (library.CarriesReply(type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The operation that tests whether a negative reply arrived, when <paramref name="value"/> is compared with <paramref name="constant"/>.</summary>
    public IOperation? NegativeReplyFlag(IOperation value, IOperation constant)
    {
        foreach (var library in Present)
        {
            if (library.NegativeReplyFlag(value, constant) is { } flag)
            {
                return flag;
            }
        }

        return null;
    }

    /// <summary>The codes a call accepts before it throws on its reply (see <see cref="FtpLibrary.AcceptedCodes"/>), and the library.</summary>
    public (ImmutableArray<IOperation> Codes, bool FirstDigitOnly, FtpLibrary Library)? AcceptedCodes(IInvocationOperation invocation)
    {
        foreach (var library in Present)
        {
            var (codes, firstDigitOnly) = library.AcceptedCodes(invocation);
            if (!codes.IsEmpty)
            {
                return (codes, firstDigitOnly, library);
            }
        }

        return null;
    }

    /// <summary>The codes the reply can hold where it is read, when its library narrows them, or null.</summary>
    public ReplyCodeSet? PossibleCodes(ReplyExpression reply, IOperation root)
    {
        foreach (var library in Present)
        {
            if ((reply.Library is null || reply.Library == library) && library.PossibleCodes(reply, root) is { } possible)
            {
                return possible;
            }
        }

        return null;
    }

    /// <summary>True when the reply, where it is read, still holds the first (preliminary) reply of the command (see <see cref="FtpLibrary.HoldsFirstReply"/>).</summary>
    public bool HoldsFirstReply(ReplyExpression reply, string? command)
    {
        if (command is null)
        {
            return false;
        }

        foreach (var library in Present)
        {
            if ((reply.Library is null || reply.Library == library) && library.HoldsFirstReply(reply, command))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The one reply a caught exception type stands for, or null.</summary>
    public int? CodeOfException(ITypeSymbol? exceptionType)
    {
        if (exceptionType is null)
        {
            return null;
        }

        foreach (var library in Present)
        {
            if (library.CodeOfException(exceptionType) is { } code)
            {
                return code;
            }
        }

        return null;
    }

    /// <summary>The command a library call sends, or null.</summary>
    public string? CommandOf(IInvocationOperation invocation)
    {
        foreach (var library in Present)
        {
            if (library.CommandOf(invocation) is { } command)
            {
                return command;
            }
        }

        return null;
    }

    public bool OwnsMethod(IMethodSymbol method) => Any(static (l, m) => l.OwnsMethod(m), method);

    public bool IsCommandProperty(IPropertySymbol property) => Any(static (l, p) => l.IsCommandProperty(p), property);

    public bool AbortsTransfer(IInvocationOperation invocation) => Any(static (l, i) => l.AbortsTransfer(i), invocation);

    public bool ClosesResponse(IInvocationOperation invocation) => Any(static (l, i) => l.ClosesResponse(i), invocation);

    /// <summary>The enums whose members name reply codes.</summary>
    public IEnumerable<INamedTypeSymbol> CodeEnums
    {
        get
        {
            foreach (var library in Present)
            {
                if (library.CodeEnum is { } codeEnum)
                {
                    yield return codeEnum;
                }
            }
        }
    }

    public bool IsCodeEnum(ITypeSymbol? type)
    {
        foreach (var codeEnum in CodeEnums)
        {
            if (SymbolEqualityComparer.Default.Equals(type, codeEnum))
            {
                return true;
            }
        }

        return false;
    }

    public string? IntendedMember(IFieldSymbol member)
    {
        foreach (var library in Present)
        {
            if (library.IntendedMember(member) is { } intended)
            {
                return intended;
            }
        }

        return null;
    }

    /// <summary>The first answer of the libraries to a question a fix asks, in their order.</summary>
    public T? FirstAnswer<T>(Func<FtpLibrary, T?> ask, string? preferred = null)
        where T : class
    {
        if (Named(preferred) is { } named && ask(named) is { } answer)
        {
            return answer;
        }

        foreach (var library in Present)
        {
            if (ask(library) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private bool Any<T>(Func<FtpLibrary, T, bool> ask, T argument)
    {
        foreach (var library in Present)
        {
            if (ask(library, argument))
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<ConstructorInfo> FindConstructors()
    {
        var constructors = ImmutableArray.CreateBuilder<ConstructorInfo>();
        foreach (var type in typeof(FtpLibrary).GetTypeInfo().Assembly.GetTypes())
        {
            if (!type.IsAbstract && typeof(FtpLibrary).IsAssignableFrom(type) && type.GetConstructor(new[] { typeof(Compilation) }) is { } constructor)
            {
                constructors.Add(constructor);
            }
        }

        return constructors.ToImmutable();
    }

    private static bool MentionsFtp(SourceText text)
    {
        const int Chunk = 4096;
        var buffer = new char[Chunk + 2];
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
