/**
 * Browser entry: builds the app state and mounts the Svelte app. A failure before the app can
 * render is shown as text, never as a blank page.
 */
import { mount } from 'svelte';
import App from './app/App.svelte';
import { createAppContext } from './app/create-app-context.ts';
import './app/app.css';

const target = document.getElementById('app') as HTMLElement;
try {
  mount(App, { target, props: { app: createAppContext() } });
} catch (error) {
  target.textContent = `Plainsight could not start: ${error instanceof Error ? error.message : String(error)}`;
  throw error;
}
