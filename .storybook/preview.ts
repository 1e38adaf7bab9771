import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';

// Args tables and docs come from the JSDoc of the elements, through the generated manifest.
setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
  },
  tags: ['autodocs'],
};

export default preview;
