// webpack's asset/source rule hands a .csv over as its text (webpack.config.js); jest maps it the same way.
declare module "*.csv" {
  const text: string;
  export default text;
}
