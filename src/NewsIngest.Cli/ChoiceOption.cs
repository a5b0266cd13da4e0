using System.CommandLine;

namespace NewsIngest.Cli;

/// <summary>
/// An option whose value is one of an enum's names, written in lower case (<c>--format json|text|markdown</c>): a
/// wrong value is one line naming the choices, never the enum's .NET type. It is an <c>Option&lt;string&gt;</c>,
/// read as the enum by <see cref="ChoiceOption{T}.ValueIn"/>: System.CommandLine's code for options of a reference
/// type is in its ReadyToRun image, while an <c>Option&lt;T&gt;</c> of one of our enums was JIT-compiled at every
/// start (about 20 methods per enum). The work is done here, not in the generic subclass, for the same reason.
/// </summary>
internal abstract class ChoiceOption : Option<string>
{
    private readonly Type _enumType;
    private readonly string[] _choices;
    private readonly object _default;

    protected ChoiceOption(string name, string description, Type enumType, object defaultValue, string[] aliases)
        : base(name, aliases)
    {
        _enumType = enumType;
        var names = Enum.GetNames(enumType);
        var choices = new string[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            choices[i] = names[i].ToLowerInvariant();
        }

        _choices = choices;
        _default = defaultValue;
        Description = description;
        HelpName = string.Join('|', choices);
        // Help shows the enum's own name ("[default: Json]"), as it did for an option of the enum type.
        var shown = defaultValue.ToString()!;
        DefaultValueFactory = _ => shown;
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (IsChoice(token))
            {
                return token;
            }

            result.AddError($"{name} '{token}' is not one of {string.Join(", ", choices)}");
            return shown;
        };
        CompletionSources.Add(choices);
    }

    /// <summary>The choice given on the command line (boxed), or the default.</summary>
    protected object BoxedValueIn(ParseResult parse) =>
        parse.GetValue(this) is { } text && IsChoice(text) ? Enum.Parse(_enumType, text, ignoreCase: true) : _default;

    private bool IsChoice(string token)
    {
        foreach (var choice in _choices)
        {
            if (string.Equals(choice, token, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A <see cref="ChoiceOption"/> over the names of <typeparamref name="T"/>.</summary>
internal sealed class ChoiceOption<T>(string name, string description, T defaultValue, params string[] aliases)
    : ChoiceOption(name, description, typeof(T), defaultValue, aliases)
    where T : struct, Enum
{
    /// <summary>The choice given on the command line, or the default.</summary>
    public T ValueIn(ParseResult parse) => (T)BoxedValueIn(parse);
}
