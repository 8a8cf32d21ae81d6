// office-addin-mock imports office-addin-manifest only for its OfficeApp enum; that package's full
// entry pulls in an ES module Jest cannot require, so Jest gets the enum's own module instead.
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));
