/// <reference types="jest" />
import { csvField, toCsv } from "./to-csv";

describe("toCsv", () => {
  it("quotes as RFC 4180 asks: commas, quotes and line breaks inside quotes, quotes doubled; nothing else", () => {
    expect(csvField("Kobe")).toBe("Kobe");
    expect(csvField("Taizhou, Jiangsu")).toBe('"Taizhou, Jiangsu"');
    expect(csvField('the "Rose City"')).toBe('"the ""Rose City"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("a\rb")).toBe('"a\rb"');
    expect(csvField("Pécs; Kōbe")).toBe("Pécs; Kōbe");
  });

  it("defuses what a spreadsheet would run as a formula, and leaves numbers alone", () => {
    expect(csvField("=HYPERLINK(\"http://evil\")")).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvField("+1 555")).toBe("'+1 555");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-cmd")).toBe("'-cmd");
    expect(csvField("-12.5")).toBe("-12.5");
    expect(csvField("1990")).toBe("1990");
  });

  it("writes the first line as given, then the header row and one CRLF-ended line per row, missing cells empty", () => {
    const csv = toCsv({ columns: ["name", "country.code"], rows: [{ name: "Kobe", "country.code": "JP" }, { name: "Taizhou, Jiangsu" }] }, "# Data: attribution, with a comma.");
    expect(csv).toBe('# Data: attribution, with a comma.\r\nname,country.code\r\nKobe,JP\r\n"Taizhou, Jiangsu",\r\n');
  });
});
