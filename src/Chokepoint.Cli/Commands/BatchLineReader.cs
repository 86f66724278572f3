using System.Text;

namespace Chokepoint.Cli.Commands;

/// <summary>Reads a batch input file as UTF-8 lines, a chunk at a time, without decoding them to strings.</summary>
/// <remarks>
/// Lines end at <c>\n</c>; one <c>\r</c> before it is dropped, as is a UTF-8 byte order mark at the start of the file.
/// A last line without <c>\n</c> counts unless it is empty (or only <c>\r</c>). Memory stays at one chunk of lines
/// however long the file is. Not thread-safe; the line bytes of a chunk stay valid until the next <see cref="Read"/>.
/// </remarks>
internal sealed class BatchLineReader : IDisposable
{
    private readonly FileStream _stream;
    private byte[] _buffer = new byte[1 << 20];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _started;

    public BatchLineReader(string path) =>
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);

    /// <summary>Gets the bytes the line ranges of the last chunk point into.</summary>
    public ReadOnlySpan<byte> Buffer => _buffer;

    /// <summary>Counts the lines of a file as <see cref="Read"/> would return them.</summary>
    public static int CountLines(string path)
    {
        using var reader = new BatchLineReader(path);
        var lines = new Range[4096];
        var total = 0;
        int n;
        while ((n = reader.Read(lines)) > 0)
        {
            total += n;
        }

        return total;
    }

    /// <summary>Returns the first line decoded, or an empty string when it is not valid UTF-8 or there is none.</summary>
    public static string FirstLine(string path) => First(path, textOnly: false) ?? "";

    /// <summary>Returns the first line that is valid UTF-8 and not blank, decoded, or null when there is none.</summary>
    public static string? FirstTextLine(string path) => First(path, textOnly: true);

    /// <summary>True when a valid UTF-8 line holds only white space, as <see cref="string.IsNullOrWhiteSpace"/> judges it.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> line)
    {
        while (!line.IsEmpty)
        {
            Rune.DecodeFromUtf8(line, out var rune, out var length);
            if (!Rune.IsWhiteSpace(rune))
            {
                return false;
            }

            line = line[length..];
        }

        return true;
    }

    /// <summary>Reads up to <c>lines.Length</c> lines into <paramref name="lines"/> (ranges of <see cref="Buffer"/>) and returns how many.</summary>
    public int Read(Span<Range> lines)
    {
        // Keep the unread tail only; earlier chunks' lines are no longer referenced.
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        var count = 0;
        var scan = _start;
        while (count < lines.Length)
        {
            var newline = _buffer.AsSpan(scan, _end - scan).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var stop = scan + newline;
                lines[count++] = _start..TrimCarriageReturn(_start, stop);
                _start = scan = stop + 1;
                continue;
            }

            scan = _end;
            if (_eof)
            {
                var stop = TrimCarriageReturn(_start, _end);
                if (stop > _start)
                {
                    lines[count++] = _start..stop;
                }

                _start = _end;
                break;
            }

            Fill();
        }

        return count;
    }

    public void Dispose() => _stream.Dispose();

    private static string? First(string path, bool textOnly)
    {
        using var reader = new BatchLineReader(path);
        var lines = new Range[64];
        int n;
        while ((n = reader.Read(lines)) > 0)
        {
            foreach (var range in lines.AsSpan(0, n))
            {
                var line = reader.Buffer[range];
                var valid = System.Text.Unicode.Utf8.IsValid(line);
                if (valid && !(textOnly && IsBlank(line)))
                {
                    return Encoding.UTF8.GetString(line);
                }

                if (!textOnly)
                {
                    return null;
                }
            }
        }

        return null;
    }

    private int TrimCarriageReturn(int start, int stop) => stop > start && _buffer[stop - 1] == (byte)'\r' ? stop - 1 : stop;

    private void Fill()
    {
        if (_end == _buffer.Length)
        {
            // Offsets of lines already handed out in this chunk stay valid: the buffer grows, it does not move data.
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        do
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            _eof = read == 0;
            _end += read;
        }
        while (!_started && _end < 3 && !_eof);

        if (!_started)
        {
            _started = true;
            if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
            {
                _start = 3;
            }
        }
    }
}
