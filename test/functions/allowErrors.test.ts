/**
 * The build step that lets errors reach the functions (webpack.config.js, allowErrors): the generator never writes
 * allowErrorForDataTypeAny, and the flag only helps parameters of type any, so the build refuses any other type.
 */

const { allowErrors } = require("../../webpack.config.js") as {
  allowErrors: (json: string) => { text: string; problems: string[] };
};

function metadataWith(type: string): string {
  return JSON.stringify({
    allowCustomDataForDataTypeAny: true,
    functions: [
      {
        id: "WORKFLOW_ROI",
        name: "WORKFLOW_ROI",
        parameters: [
          { name: "tasks_per_month", type: "any", dimensionality: "matrix" },
          { name: "measure", type },
        ],
        result: { dimensionality: "matrix" },
      },
    ],
  });
}

describe("the build's allowErrors step on functions.json", () => {
  it("adds the top-level allowErrorForDataTypeAny: true and keeps everything the generator wrote", () => {
    const { text, problems } = allowErrors(metadataWith("any"));
    const metadata = JSON.parse(text) as Record<string, unknown>;
    expect(problems).toEqual([]);
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    expect({ ...metadata, allowErrorForDataTypeAny: undefined }).toEqual({
      ...(JSON.parse(metadataWith("any")) as Record<string, unknown>),
      allowErrorForDataTypeAny: undefined,
    });
  });

  it("names a parameter that is not of type any, whose errors would never arrive", () => {
    const { problems } = allowErrors(metadataWith("string"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("WORKFLOW_ROI's parameter measure is of type string");
  });
});
