using System;
using System.IO;

namespace PropertyCrm.Simulation;

/// <summary>A one-line progress bar on stderr (kept off stdout, which carries the summary).</summary>
public sealed class Progress
{
    private readonly TextWriter writer;
    private readonly bool enabled;
    private int lastPercent = -1;

    public Progress(TextWriter writer, bool enabled)
    {
        this.writer = writer;
        this.enabled = enabled;
    }

    public void Report(double fraction, string label)
    {
        if (!enabled)
        {
            return;
        }

        var percent = (int)Math.Round(Math.Clamp(fraction, 0, 1) * 100);
        if (percent == lastPercent)
        {
            return;
        }

        lastPercent = percent;
        const int Width = 40;
        var filled = percent * Width / 100;
        writer.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}% {label,-24}");
        if (percent == 100)
        {
            writer.WriteLine();
        }

        writer.Flush();
    }
}
