namespace Chokepoint.Lists.Common;

/// <summary>What <see cref="CsvReader.ReadRecord"/> found.</summary>
public enum CsvRecordStatus
{
    /// <summary>A record was read into the field list.</summary>
    Record,

    /// <summary>No more records; the field list is empty.</summary>
    EndOfData,

    /// <summary>A quoted field runs to the end of the text; the field list holds the fields before it.</summary>
    UnterminatedQuote,
}

/// <summary>
/// Splits delimited text (RFC 4180 CSV, or tab-separated with quotes) into records of string fields, tracking the
/// 1-based line each record starts on.
/// </summary>
/// <remarks>
/// <para>Accepts CRLF and LF line ends, fields quoted with <c>"</c> (a doubled <c>""</c> inside is one quote) and
/// line breaks inside quoted fields. Quotes inside an unquoted field are kept as text. Text after a closing quote up
/// to the next separator is appended to the field, so a stray character never loses data. Blank lines are skipped.
/// Trailing DOS end-of-file bytes (<c>0x1A</c>, Ctrl-Z), which OFAC appends to its legacy CSV files, are dropped.</para>
/// <para>The reader works on one string held in memory; it is not thread-safe, use one instance per text.</para>
/// </remarks>
public sealed class CsvReader
{
    private readonly string _text;
    private readonly char _separator;
    private readonly int _end;
    private int _position;
    private int _line = 1;

    /// <summary>Creates a reader over the whole text of a file.</summary>
    /// <param name="text">The decoded file text.</param>
    /// <param name="separator">The field separator, <c>,</c> by default.</param>
    public CsvReader(string text, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
        _separator = separator;
        var end = text.Length;
        while (end > 0 && text[end - 1] == '\u001A')
        {
            end--;
        }

        _end = end;
        if (end > 0 && text[0] == '\uFEFF')
        {
            _position = 1;
        }
    }

    /// <summary>Gets the 1-based line on which the last record read (or the unterminated field) starts.</summary>
    public int RecordLine { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/>, which is cleared first.</summary>
    /// <param name="fields">Receives the fields of the record.</param>
    /// <returns>Whether a record was read, the text ended, or a quoted field was never closed.</returns>
    public CsvRecordStatus ReadRecord(List<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Clear();
        SkipBlankLines();
        if (_position >= _end)
        {
            return CsvRecordStatus.EndOfData;
        }

        RecordLine = _line;
        var text = _text.AsSpan(0, _end);
        while (true)
        {
            if (_position < _end && text[_position] == '"')
            {
                var fieldLine = _line;
                if (!ReadQuoted(text, fields))
                {
                    RecordLine = fieldLine;
                    return CsvRecordStatus.UnterminatedQuote;
                }
            }
            else
            {
                var rest = text[_position..];
                var stop = rest.IndexOfAny(_separator, '\r', '\n');
                var length = stop < 0 ? rest.Length : stop;
                fields.Add(rest[..length].ToString());
                _position += length;
            }

            if (_position >= _end)
            {
                return CsvRecordStatus.Record;
            }

            var c = text[_position];
            if (c == _separator)
            {
                _position++;
                continue;
            }

            EndLine(text);
            return CsvRecordStatus.Record;
        }
    }

    private bool ReadQuoted(ReadOnlySpan<char> text, List<string> fields)
    {
        // Skips the opening quote; builds the value only when a doubled quote forces a copy.
        _position++;
        var builder = (System.Text.StringBuilder?)null;
        var start = _position;
        while (true)
        {
            var rest = text[_position..];
            var q = rest.IndexOfAny('"', '\n');
            if (q < 0)
            {
                _position = _end;
                return false;
            }

            if (rest[q] == '\n')
            {
                _line++;
                _position += q + 1;
                continue;
            }

            _position += q;
            if (_position + 1 < _end && text[_position + 1] == '"')
            {
                builder ??= new System.Text.StringBuilder();
                builder.Append(text[start..(_position + 1)]);
                _position += 2;
                start = _position;
                continue;
            }

            var value = text[start.._position];
            _position++;

            // Text between the closing quote and the separator is kept rather than dropped.
            var tail = text[_position..];
            var stop = tail.IndexOfAny(_separator, '\r', '\n');
            var tailLength = stop < 0 ? tail.Length : stop;
            var extra = tail[..tailLength];
            _position += tailLength;
            if (builder is null && extra.IsEmpty)
            {
                fields.Add(value.ToString());
            }
            else
            {
                builder ??= new System.Text.StringBuilder();
                fields.Add(builder.Append(value).Append(extra).ToString());
            }

            return true;
        }
    }

    private void EndLine(ReadOnlySpan<char> text)
    {
        if (text[_position] == '\r')
        {
            _position++;
        }

        if (_position < _end && text[_position] == '\n')
        {
            _position++;
        }

        _line++;
    }

    private void SkipBlankLines()
    {
        var text = _text.AsSpan(0, _end);
        while (_position < _end && (text[_position] == '\r' || text[_position] == '\n'))
        {
            EndLine(text);
        }
    }
}
