// Bottleneck's light build (what Octokit's plugins use) has the API of the full one, without
// clustering; the package ships types for the full one only.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
