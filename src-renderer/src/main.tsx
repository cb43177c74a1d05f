import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectHost } from './api/client';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App host={connectHost()} />
  </StrictMode>,
);
