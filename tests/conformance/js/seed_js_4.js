let globalVariable = 'I am a global variable';
