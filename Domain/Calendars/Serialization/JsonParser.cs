using System.Globalization;
using System.Text;

namespace PropertyCrm.Domain.Calendars.Serialization;

/// <summary>
/// A small strict JSON (RFC 8259) reader for calendar data. It exists because the Domain compiles into the
/// net462 plug-in assembly, which may reference no NuGet package (so no System.Text.Json), and because admins
/// need errors with line, column and path, which DataContractJsonSerializer does not give.
/// Comments, trailing commas and duplicate keys are errors: calendar files are data, and leniency would hide typos.
/// </summary>
internal sealed class JsonParser
{
    private const int MaxDepth = 32;

    private readonly string text;
    private int position;
    private int line = 1;
    private int lineStart;

    private JsonParser(string text)
    {
        this.text = text;
    }

    public static JsonNode Parse(string text)
    {
        Guard.NotNull(text, nameof(text));

        var parser = new JsonParser(text);
        parser.SkipWhitespace();
        var root = parser.ParseValue("$", 0);
        parser.SkipWhitespace();
        if (parser.position < text.Length)
        {
            throw parser.Error("文档结尾后还有多余内容", "unexpected content after the end of the document");
        }

        return root;
    }

    private JsonNode ParseValue(string path, int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error("嵌套层数过深", "nesting is too deep");
        }

        if (position >= this.text.Length)
        {
            throw Error("文档意外结束", "unexpected end of the document");
        }

        var c = this.text[position];
        switch (c)
        {
            case '{':
                return ParseObject(path, depth);
            case '[':
                return ParseArray(path, depth);
            case '"':
                {
                    var node = NewNode(JsonKind.String, path);
                    node.Text = ParseString();
                    return node;
                }

            case 't':
                return ParseLiteral("true", JsonKind.Boolean, path);
            case 'f':
                return ParseLiteral("false", JsonKind.Boolean, path);
            case 'n':
                return ParseLiteral("null", JsonKind.Null, path);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ParseNumber(path);
                }

                throw Error($"意外的字符 '{c}'", $"unexpected character '{c}'");
        }
    }

    private JsonNode ParseObject(string path, int depth)
    {
        var node = NewNode(JsonKind.Object, path);
        position++;
        SkipWhitespace();
        if (TryConsume('}'))
        {
            return node;
        }

        while (true)
        {
            SkipWhitespace();
            if (position >= this.text.Length || this.text[position] != '"')
            {
                throw Error("此处应为用双引号括起的属性名", "expected a property name in double quotes");
            }

            var name = ParseString();
            foreach (var existing in node.Properties)
            {
                if (existing.Key == name)
                {
                    throw Error($"属性 '{name}' 重复", $"duplicate property '{name}'");
                }
            }

            SkipWhitespace();
            Expect(':');
            SkipWhitespace();
            var value = ParseValue(path + "." + name, depth + 1);
            node.Properties.Add(new System.Collections.Generic.KeyValuePair<string, JsonNode>(name, value));
            SkipWhitespace();
            if (TryConsume('}'))
            {
                return node;
            }

            Expect(',');
        }
    }

    private JsonNode ParseArray(string path, int depth)
    {
        var node = NewNode(JsonKind.Array, path);
        position++;
        SkipWhitespace();
        if (TryConsume(']'))
        {
            return node;
        }

        while (true)
        {
            SkipWhitespace();
            node.Items.Add(ParseValue(path + "[" + node.Items.Count.ToString(CultureInfo.InvariantCulture) + "]", depth + 1));
            SkipWhitespace();
            if (TryConsume(']'))
            {
                return node;
            }

            Expect(',');
        }
    }

    private string ParseString()
    {
        position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (position >= this.text.Length)
            {
                throw Error("字符串没有结束引号", "unterminated string");
            }

            var c = this.text[position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c < ' ')
            {
                position--;
                throw Error("字符串中有未转义的控制字符", "unescaped control character in string");
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (position >= this.text.Length)
            {
                throw Error("字符串没有结束引号", "unterminated string");
            }

            var escape = this.text[position++];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (position + 4 > this.text.Length
                        || !int.TryParse(this.text.Substring(position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("\\u 后应有 4 位十六进制数字", "\\u must be followed by 4 hex digits");
                    }

                    builder.Append((char)code);
                    position += 4;
                    break;
                default:
                    position--;
                    throw Error($"无效的转义序列 '\\{escape}'", $"invalid escape '\\{escape}'");
            }
        }
    }

    private JsonNode ParseNumber(string path)
    {
        var node = NewNode(JsonKind.Number, path);
        var start = position;
        if (this.text[position] == '-')
        {
            position++;
        }

        var digits = SkipDigits();
        if (digits == 0 || (digits > 1 && this.text[position - digits] == '0'))
        {
            throw Error("数字格式错误", "malformed number");
        }

        if (TryConsume('.') && SkipDigits() == 0)
        {
            throw Error("数字格式错误", "malformed number");
        }

        if (position < this.text.Length && (this.text[position] == 'e' || this.text[position] == 'E'))
        {
            position++;
            if (position < this.text.Length && (this.text[position] == '+' || this.text[position] == '-'))
            {
                position++;
            }

            if (SkipDigits() == 0)
            {
                throw Error("数字格式错误", "malformed number");
            }
        }

        node.Text = this.text.Substring(start, position - start);
        return node;
    }

    private JsonNode ParseLiteral(string literal, JsonKind kind, string path)
    {
        if (string.CompareOrdinal(this.text, position, literal, 0, literal.Length) != 0)
        {
            throw Error("无法识别的值(字符串需要双引号)", "unrecognised value (strings need double quotes)");
        }

        var node = NewNode(kind, path);
        node.Text = literal;
        position += literal.Length;
        return node;
    }

    private int SkipDigits()
    {
        var start = position;
        while (position < this.text.Length && this.text[position] >= '0' && this.text[position] <= '9')
        {
            position++;
        }

        return position - start;
    }

    private void SkipWhitespace()
    {
        while (position < this.text.Length)
        {
            var c = this.text[position];
            if (c == '\n')
            {
                this.line++;
                lineStart = position + 1;
            }
            else if (c != ' ' && c != '\t' && c != '\r' && c != '\uFEFF')
            {
                return;
            }

            position++;
        }
    }

    private bool TryConsume(char expected)
    {
        if (position < this.text.Length && this.text[position] == expected)
        {
            position++;
            return true;
        }

        return false;
    }

    private void Expect(char expected)
    {
        if (!TryConsume(expected))
        {
            throw Error($"此处应为 '{expected}'", $"expected '{expected}'");
        }
    }

    private JsonNode NewNode(JsonKind kind, string path) => new JsonNode(kind, path, this.line, position - lineStart + 1);

    private DomainException Error(string chinese, string english)
    {
        var column = position - lineStart + 1;
        return new DomainException(
            CalendarErrorCodes.InvalidJson,
            $"JSON 格式错误(第 {this.line} 行第 {column} 列):{chinese} / Malformed JSON at line {this.line}, column {column}: {english}.");
    }
}
